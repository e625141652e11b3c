//! The browser entry point; everything happens in `cartera::run`.

fn main() {
    cartera::run();
}
