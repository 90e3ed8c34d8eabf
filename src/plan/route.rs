//! Routing: which software fits each need (ranked), and where the need goes before host
//! matching — keep, Frama.space, installed software or a publisher's service, a public free
//! service, or hosts (see `recommend` for the order and the reasons).

use crate::catalog::{Catalog, OfferKind, Software, SoftwareKind, ToolKind};

use super::framaspace::Framaspace;
use super::hosts::{HostNeed, Matching, Provider};
use super::needs::{NeedStatus, NeedUse};

pub(crate) const OUTREACH: &[&str] = &["social-network", "events", "video"];

/// Needs that can be met on each computer or phone, with no server: passwords (KeePassXC),
/// office documents (LibreOffice), backups (Borg), devices.
pub(crate) const LOCAL_NEEDS: &[&str] = &[
    "passwords",
    "office-docs",
    "backups",
    "operating-system",
    "web-browser",
    "graphics",
];

/// Needs a public free service answers well for a whole association, with no account or one
/// per list (Framadate, Framaforms, Framacarte, Framalistes); other needs are better kept
/// together at one host than spread over personal accounts on public services.
pub(crate) const SERVICE_NEEDS: &[&str] = &["polls", "forms", "maps", "big-files", "mailing-list"];

/// The software ranked for a need: most migrations catalogued from the tools in use, then run by
/// Frama.space (when recommended), then the easiest migration, then run by the most hosts (a
/// publisher-run service counts as everywhere), then id.
///
/// `hosts_running` gives, for each software id, how many hosts run it (counted once per plan).
pub(crate) fn rank_software<'c>(
    catalog: &'c Catalog,
    need: &NeedUse,
    fs: &Framaspace,
    hosts_running: &dyn Fn(&str) -> usize,
) -> Vec<&'c Software> {
    let mut list = catalog.software_for_need(&need.need);
    let fs_offer = fs.offer.as_deref().and_then(|id| catalog.offer(id));
    let key = |s: &Software| {
        let migrations = need
            .proprietary_tools()
            .filter(|t| {
                t.tool
                    .as_deref()
                    .is_some_and(|id| s.migration_from(id).is_some())
            })
            .count();
        let on_fs = fs.recommended
            && fs_offer.is_some_and(|o| {
                o.features
                    .iter()
                    .any(|f| f.need == need.need && f.software.contains(&s.id))
                    || o.software.contains(&s.id)
            });
        // The easiest catalogued move from the tools in use (none known sorts last).
        let effort = need
            .proprietary_tools()
            .filter_map(|t| t.tool.as_deref().and_then(|id| s.migration_from(id)))
            .map(|m| m.effort)
            .min();
        // A service run by its publisher needs no host: as available as can be.
        let hosts = if s.kind == SoftwareKind::CentralService {
            usize::MAX
        } else {
            hosts_running(&s.id)
        };
        (
            std::cmp::Reverse(migrations),
            std::cmp::Reverse(on_fs),
            effort.is_none(),
            effort,
            std::cmp::Reverse(hosts),
        )
    };
    list.sort_by_cached_key(|s| (key(s), s.id.as_str()));
    list
}

/// Where a need goes before host matching.
pub(crate) enum Route {
    Keep,
    Framaspace,
    Local,
    Service(String),
    Host,
}

pub(crate) fn route(
    catalog: &Catalog,
    need: &NeedUse,
    fs: &Framaspace,
    ranked: &[&Software],
) -> Route {
    if matches!(need.status, NeedStatus::Free | NeedStatus::Mixed) {
        return Route::Keep;
    }
    if fs.recommended && fs.covers.contains(&need.need) {
        return Route::Framaspace;
    }
    // A free service run by its publisher (Signal) needs no host. Installed software answers
    // only the needs that can be met on each device, and only when it does not leave an online
    // service in place that a hosted software could replace (KeePassXC instead of a shared
    // spreadsheet, but Vaultwarden instead of LastPass when a host runs it).
    let online = need.proprietary_tools().any(|t| {
        t.tool
            .as_deref()
            .and_then(|id| catalog.tool(id))
            .is_some_and(|x| x.kind == ToolKind::OnlineService)
    });
    let local = ranked
        .iter()
        .any(|s| !matches!(s.kind, SoftwareKind::Hosted | SoftwareKind::CentralService));
    let top = ranked.first().map(|s| s.kind);
    if top == Some(SoftwareKind::CentralService)
        || (LOCAL_NEEDS.contains(&need.need.as_str())
            && local
            && (!online || top != Some(SoftwareKind::Hosted)))
    {
        return Route::Local;
    }
    if !SERVICE_NEEDS.contains(&need.need.as_str()) {
        return Route::Host;
    }
    let service = catalog.offers.iter().find(|o| {
        o.kind == OfferKind::Service
            && o.status.as_ref().is_some_and(|s| s.state.recommendable())
            && o.needs.contains(&need.need)
    });
    match service {
        Some(o) => Route::Service(o.id.clone()),
        None => Route::Host,
    }
}

/// The needs to match with hosts: every need that hosted software or a host service can answer.
/// Returns the index of each such need in `needs`, and the needs as hosts see them. The needs in
/// `held` (kept as they are by the decisions) get alternatives but no host takes them.
pub(crate) fn host_needs(
    needs: &[NeedUse],
    routes: &[Route],
    ranked: &[Vec<&Software>],
    held: &[String],
) -> (Vec<usize>, Vec<HostNeed>) {
    needs
        .iter()
        .enumerate()
        .filter(|(i, _)| !matches!(routes[*i], Route::Keep | Route::Local))
        .map(|(i, n)| {
            let software = ranked[i]
                .iter()
                .filter(|s| s.kind == SoftwareKind::Hosted)
                .map(|s| s.id.clone())
                .collect();
            let hn = HostNeed {
                need: n.need.clone(),
                label: n.label.clone(),
                software,
                cover: matches!(routes[i], Route::Host) && !held.contains(&n.need),
            };
            (i, hn)
        })
        .unzip()
}

/// Host alternatives for each need, taken from the matching (empty for needs not matched).
pub(crate) fn alternatives(n: usize, index: &[usize], matching: &mut Matching) -> Vec<Provider> {
    index
        .iter()
        .position(|i| *i == n)
        .and_then(|k| matching.per_need.get_mut(k))
        .map(std::mem::take)
        .unwrap_or_default()
}
