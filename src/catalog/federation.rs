//! What a CHATONS federation file says about the catalogue's hosts. It lists every member's
//! organization file (`subs.<id> = URL`); a host it does not list may have left the collective —
//! the best signal one can have offline — so the import flags it "membership to re-check"
//! (a [`RecheckEntry`] in the user catalogue) and the plan no longer counts it as a member. A
//! host counts as listed when its organization file was given and linked from the federation,
//! when a listed URL is on its website's domain (or a sub-domain of it), or when an entry's key
//! is its id or the slug of its name. Only the newest CHATONS federation file given is read.

use super::chatonsinfos::Federation;
use super::date::PartialDate;
use super::files::RecheckEntry;
use super::host::{Host, RecheckReason};
use super::values::{domain, loose_date, slug};

/// The reference federation among those given: the newest CHATONS one.
pub fn reference<'f, 'a>(federations: &'f [Federation<'a>]) -> Option<&'f Federation<'a>> {
    federations
        .iter()
        .filter(|f| f.is_chatons)
        .max_by(|a, b| a.file.stamp().cmp(&b.file.stamp()))
}

/// Whether `host` is listed by `fed`'s entries (its organization file need not be given).
pub fn lists(fed: &Federation, host: &Host) -> bool {
    let site = host
        .website
        .as_deref()
        .map(domain)
        .filter(|d| !d.is_empty());
    let name = slug(&host.name);
    fed.entries.iter().any(|(key, url)| {
        let d = domain(url);
        let on_site = site
            .as_deref()
            .is_some_and(|s| d == s || d.ends_with(&format!(".{s}")));
        let k = slug(key);
        on_site || (!k.is_empty() && (k == host.id || k == name))
    })
}

/// The flag for a host `fed` does not list.
pub fn entry(fed: &Federation, host: &str, today: PartialDate) -> RecheckEntry {
    let as_of = fed
        .file
        .props
        .get("file.datetime")
        .and_then(loose_date)
        .unwrap_or(today);
    RecheckEntry {
        host: host.to_string(),
        reason: RecheckReason::AbsentFromFederationFile,
        source: fed.file.origin(None),
        as_of,
    }
}
