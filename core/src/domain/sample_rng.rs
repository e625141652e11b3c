//! The sample data's random numbers: deterministic for a seed, no dependency.

/// splitmix64: tiny, fast, and good enough to pick names.
pub(super) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(((self.next() >> 32) * n as u64) >> 32).unwrap_or(0)
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = self.below(items.len());
        items[i]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// `template` with `#` replaced by random digits and `@` by random capitals.
    pub fn fill(&mut self, template: &str) -> String {
        (template.chars())
            .map(|c| match c {
                '#' => char::from(b'0' + (self.next() % 10) as u8),
                '@' => char::from(b'A' + (self.next() % 26) as u8),
                c => c,
            })
            .collect()
    }

    pub fn digits(&mut self, n: usize) -> String {
        self.fill(&"#".repeat(n))
    }
}
