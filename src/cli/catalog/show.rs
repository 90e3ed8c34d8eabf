//! `diagasso catalog show HOST [--json]`: one host entirely — who and where, membership
//! evidence (with a departure or a re-check signal), registration, each service with its
//! software, needs and access, each stated offer with its audience, caps, price and date, the
//! caveats and every source — with the age of each dated fact, and « à revérifier avant de
//! recommander » when its newest evidence is over three years old. Text from the catalogue files
//! is printed on one line with control characters removed.

use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::json;

use super::labels::{code, dated, label, labels, price, service_open, t};
use super::{Context, effective, today};
use crate::catalog::host_offer::{DateBasis, HostOffer};
use crate::catalog::{Catalog, Host, HostService, PartialDate, freshness};
use crate::export::escape::one_line;
use crate::i18n::{Lang, typo};

fn offer_line(lang: Lang, h: &Host, o: &HostOffer, today: NaiveDate) -> String {
    let mut parts = vec![price(lang, o)];
    if !o.audience.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("pour", "for"),
            labels(lang, &o.audience)
        ));
    }
    if let Some(a) = o.accounts {
        parts.push(typo::count(
            lang,
            a,
            lang.pick("compte", "account"),
            lang.pick("comptes", "accounts"),
        ));
    }
    if let Some(g) = o.storage_gb {
        parts.push(format!(
            "{} {}",
            typo::number(lang, g),
            lang.pick("Go", "GB")
        ));
    }
    let date = o.date_or(h.seen);
    let when = match o.as_of_basis {
        Some(DateBasis::Entry) => format!(
            "{} — {}",
            dated(lang, date, today),
            lang.pick(
                "date reprise de la fiche : à préciser",
                "date carried over from the entry: to refine"
            )
        ),
        Some(DateBasis::Read) => format!(
            "{} — {}",
            dated(lang, date, today),
            lang.pick(
                "page non datée, lue à cette date",
                "undated page, read then"
            )
        ),
        _ => dated(lang, date, today),
    };
    parts.push(when);
    format!("« {} » — {}", t(lang, &o.stated), parts.join(" · "))
}

fn service_line(lang: Lang, cat: &Catalog, s: &HostService, today: NaiveDate) -> String {
    let sw: Vec<String> = s
        .software
        .iter()
        .map(|id| cat.software(id).map_or(id.clone(), |x| x.name.clone()))
        .collect();
    let needs: Vec<String> = s
        .needs
        .iter()
        .map(|id| {
            cat.need(id)
                .map_or(id.clone(), |n| n.label.get(lang).to_string())
        })
        .collect();
    let mut parts = vec![if sw.is_empty() {
        lang.pick("logiciel non indiqué", "software not stated")
            .to_string()
    } else {
        typo::list(lang, &sw)
    }];
    if !needs.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("pour", "for"),
            typo::list(lang, &needs)
        ));
    }
    if !s.registration.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("inscription", "registration"),
            labels(lang, &s.registration)
        ));
    }
    if !s.audience.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("public", "audience"),
            labels(lang, &s.audience)
        ));
    }
    for (flag, fr, en) in [
        (s.load.map(|l| code(&l)), "charge", "load"),
        (s.status.map(|x| code(&x)), "statut", "status"),
    ] {
        if let Some(v) = flag {
            parts.push(format!("{} {v}", lang.pick(fr, en)));
        }
    }
    if let Some(d) = s.start {
        parts.push(format!(
            "{} {}",
            lang.pick("depuis", "since"),
            dated(lang, d, today)
        ));
    }
    if let Some(d) = s.end {
        parts.push(format!("{} {d}", lang.pick("fin", "ended")));
    }
    if !service_open(s, &PartialDate::day(today)) {
        parts.push(
            lang.pick("FERMÉ aux nouveaux comptes", "CLOSED to new accounts")
                .into(),
        );
    }
    format!("{} — {}", one_line(&s.label), parts.join(" · "))
}

/// The lines about membership: basis and evidence, then departure and re-check signals.
fn membership(lang: Lang, h: &Host, today: NaiveDate) -> Vec<String> {
    let m = &h.membership_evidence;
    let mut out = vec![format!(
        "{} {} — {}",
        lang.pick("Appartenance aux CHATONS :", "CHATONS membership:"),
        label(lang, &code(&m.basis)),
        t(lang, &m.evidence)
    )];
    if let Some(j) = m.joined {
        out.push(format!(
            "  {} {}",
            lang.pick("membre depuis", "member since"),
            dated(lang, j, today)
        ));
    }
    if m.has_left() {
        let when = m.left.map_or(String::new(), |d| format!(" ({d})"));
        out.push(format!(
            "  {}{when}",
            lang.pick(
                "A QUITTÉ LE COLLECTIF : jamais recommandé comme membre",
                "LEFT THE COLLECTIVE: never recommended as a member"
            )
        ));
    }
    if let Some(r) = &m.recheck {
        out.push(format!(
            "  {} {} — {}",
            lang.pick(
                "appartenance à revérifier : absent du fichier de fédération",
                "membership to re-check: absent from the federation file"
            ),
            dated(lang, r.as_of, today),
            one_line(&r.source)
        ));
    }
    out
}

/// The host as text, every part on its own lines.
pub fn text(lang: Lang, cat: &Catalog, h: &Host, today: NaiveDate) -> String {
    let mut out: Vec<String> = Vec::new();
    let kind = h
        .org_type
        .map(|o| format!(" — {}", code(&o)))
        .unwrap_or_default();
    out.push(format!("{} ({}){kind}", one_line(&h.name), h.id));
    let p = &h.place;
    let mut place: Vec<String> = Vec::new();
    for part in [&p.city, &p.area, &p.region, &p.country]
        .into_iter()
        .flatten()
    {
        let part = one_line(part);
        if !place.iter().any(|x| x.contains(&part)) {
            place.push(part);
        }
    }
    out.push(format!(
        "{} {}",
        lang.pick("Lieu :", "Place:"),
        if place.is_empty() {
            lang.pick("inconnu (à vérifier)", "unknown (to check)")
                .to_string()
        } else {
            place.join(", ")
        }
    ));
    if let Some(w) = &h.website {
        out.push(format!(
            "{} {}",
            lang.pick("Site :", "Website:"),
            one_line(w)
        ));
    }
    let newest = h.newest_evidence();
    out.push(format!(
        "{} {} — {}",
        lang.pick("Faits les plus récents :", "Newest facts:"),
        dated(lang, newest, today),
        t(lang, &h.seen_basis)
    ));
    if h.is_stale(today) {
        out.push(
            lang.pick(
                "À REVÉRIFIER AVANT DE RECOMMANDER : aucune information de moins de trois ans.",
                "TO RE-CHECK BEFORE RECOMMENDING: no fact less than three years old.",
            )
            .into(),
        );
    }
    out.extend(membership(lang, h, today));
    let r = &h.registration;
    let who = if r.who.is_empty() {
        lang.pick("non indiqué", "not stated").to_string()
    } else {
        labels(lang, &r.who)
    };
    out.push(format!(
        "{} {who}",
        lang.pick("Inscription :", "Registration:")
    ));
    if !r.audience.is_empty() {
        out.push(format!(
            "  {} {}",
            lang.pick("public :", "audience:"),
            labels(lang, &r.audience)
        ));
    }
    if let Some(a) = &r.area {
        let mut zone: Vec<String> = a.departements.clone();
        zone.extend(a.countries.iter().cloned());
        out.push(format!(
            "  {} {} {}",
            lang.pick("zone :", "area:"),
            label(lang, &code(&a.scope)),
            zone.join(", ")
        ));
    }
    if let Some(n) = &r.notes {
        out.push(format!("  {}", t(lang, n)));
    }
    let offered = lang.pick(
        if code(&h.association_offer.offered) == "yes" {
            "oui"
        } else {
            "non indiquée"
        },
        if code(&h.association_offer.offered) == "yes" {
            "yes"
        } else {
            "not stated"
        },
    );
    let notes = h
        .association_offer
        .notes
        .as_ref()
        .map(|n| format!(" — {}", t(lang, n)))
        .unwrap_or_default();
    out.push(format!(
        "{} {offered}{notes}",
        lang.pick("Offre pour les associations :", "Offer for associations:")
    ));
    out.push(String::new());
    out.push(format!(
        "{} ({})",
        lang.pick("Services", "Services"),
        h.services.len()
    ));
    out.extend(
        h.services
            .iter()
            .map(|s| format!("  - {}", service_line(lang, cat, s, today))),
    );
    if let Some(n) = &h.services_notes {
        out.push(format!("  {}", t(lang, n)));
    }
    out.push(format!(
        "{} ({})",
        lang.pick("Offres", "Offers"),
        h.offers.len()
    ));
    if h.offers.is_empty() {
        out.push(format!(
            "  {}",
            lang.pick(
                "aucune offre ni prix connus (à demander à l'hébergeur)",
                "no known offer or price (ask the host)"
            )
        ));
    }
    for o in &h.offers {
        out.push(format!("  - {}", offer_line(lang, h, o, today)));
        if let Some(s) = &o.source {
            out.push(format!(
                "    {} {}",
                lang.pick("source :", "source:"),
                one_line(s)
            ));
        }
    }
    if let Some(c) = &h.caveats {
        out.push(format!(
            "{} {}",
            lang.pick("Prudence :", "Caveats:"),
            t(lang, c)
        ));
    }
    out.push(lang.pick("Sources :", "Sources:").into());
    out.extend(h.sources.iter().map(|s| format!("  - {}", one_line(s))));
    out.join("\n")
}

/// The host as JSON: its data, plus what the tool derives (age of each fact, staleness,
/// whether each service is open).
pub fn json_value(cat: &Catalog, h: &Host, today: NaiveDate) -> serde_json::Value {
    let day = PartialDate::day(today);
    let mut v = serde_json::to_value(h).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        let origin = if cat.user_host_ids.contains(&h.id) {
            "user"
        } else {
            "shipped"
        };
        o.insert("origin".into(), json!(origin));
        o.insert("age_months".into(), json!(h.seen.age_in_months(today)));
        o.insert(
            "newest_evidence".into(),
            json!(h.newest_evidence().to_string()),
        );
        o.insert(
            "newest_evidence_age_months".into(),
            json!(h.newest_evidence().age_in_months(today)),
        );
        o.insert(
            "to_recheck_before_recommending".into(),
            json!(h.is_stale(today)),
        );
        o.insert("has_left".into(), json!(h.membership_evidence.has_left()));
        o.insert(
            "recheck_after_months".into(),
            json!(freshness::RECHECK_AFTER_MONTHS),
        );
        if let Some(serde_json::Value::Array(services)) = o.get_mut("services") {
            for (s, j) in h.services.iter().zip(services.iter_mut()) {
                if let Some(j) = j.as_object_mut() {
                    j.insert("open".into(), json!(service_open(s, &day)));
                }
            }
        }
        if let Some(serde_json::Value::Array(offers)) = o.get_mut("offers") {
            for (x, j) in h.offers.iter().zip(offers.iter_mut()) {
                if let Some(j) = j.as_object_mut() {
                    j.insert(
                        "age_months".into(),
                        json!(x.date_or(h.seen).age_in_months(today)),
                    );
                }
            }
        }
    }
    v
}

pub fn run(ctx: &Context, id: &str, json: bool) -> ExitCode {
    let cat = match effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let Some(h) = cat.host(id) else {
        let close = crate::catalog::error::closest(id, cat.hosts.iter().map(|h| h.id.as_str()));
        let hint_fr = close
            .as_ref()
            .map_or(String::new(), |c| format!(" (vouliez-vous dire « {c} » ?)"));
        let hint_en = close
            .as_ref()
            .map_or(String::new(), |c| format!(" (did you mean '{c}'?)"));
        return ctx.fail(
            &format!("hébergeur inconnu : « {} »{hint_fr} ; `diagasso catalog list` donne les identifiants", one_line(id)),
            &format!("unknown host: '{}'{hint_en}; `diagasso catalog list` gives the ids", one_line(id)),
        );
    };
    let today = today();
    if json {
        outln!("{}", json_value(&cat, h, today));
    } else {
        outln!("{}", text(ctx.lang, &cat, h, today));
    }
    ExitCode::SUCCESS
}
