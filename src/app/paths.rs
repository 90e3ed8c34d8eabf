//! Where the user's own files live, for every front end: the user catalogue.

use std::path::PathBuf;

/// Where the user catalogue lives: `DIAGASSO_CATALOG`, else `<data dir>/diagasso/catalogue.toml`.
pub fn user_catalog_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DIAGASSO_CATALOG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("diagasso").join("catalogue.toml"))
}
