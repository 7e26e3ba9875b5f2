//! The UI's TypeScript types are generated from the Rust view types; this fails when they are stale.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test bindings`.

#[test]
fn ui_bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let expected = linimasa::view::typescript_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test bindings`",
        path.display()
    );
}
