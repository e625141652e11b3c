use wasm_bindgen_test::wasm_bindgen_test;

use super::http::base64;
use super::*;

#[wasm_bindgen_test]
fn database_urls_are_checked_and_trimmed() {
    let ok = |u: &str| check_db_url(u).ok();
    assert_eq!(
        ok("http://127.0.0.1:5984/cartera/").as_deref(),
        Some("http://127.0.0.1:5984/cartera")
    );
    assert_eq!(
        ok("https://couch.example.com/prefix/cartera").as_deref(),
        Some("https://couch.example.com/prefix/cartera")
    );
    // No database, another scheme, credentials in the URL (fetch refuses them), a query.
    for bad in [
        "http://127.0.0.1:5984",
        "http://127.0.0.1:5984/",
        "ftp://host/db",
        "http://ana:secret@host/db",
        "http://host/db?x=1",
        "http:///db",
        "http://host/my db",
    ] {
        assert_eq!(check_db_url(bad), Err(InvalidUrl), "{bad}");
    }
}

#[wasm_bindgen_test]
fn the_server_url_is_the_database_url_without_its_name() {
    let remote = HttpRemote::new("http://127.0.0.1:5984/cartera", Auth::Anonymous);
    let remote = remote.expect("valid URL");
    assert_eq!(remote.url(), "http://127.0.0.1:5984/cartera");
    assert_eq!(remote.server_url(), "http://127.0.0.1:5984");
}

#[wasm_bindgen_test]
fn basic_credentials_are_base64_and_never_printed() {
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foo"), "Zm9v");
    assert_eq!(base64(b"ana:ana-dev"), "YW5hOmFuYS1kZXY=");
    // UTF-8, as CouchDB decodes it.
    assert_eq!(
        base64("marta:contraseña".as_bytes()),
        "bWFydGE6Y29udHJhc2XDsWE="
    );
    let shown = format!("{:?}", Auth::Basic(Credentials::new("ana", "ana-dev")));
    assert!(
        shown.contains("ana") && !shown.contains("ana-dev"),
        "{shown}"
    );
}
