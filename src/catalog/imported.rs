//! Turning one ChatonsInfos organization (with its service files) into a catalogue `Host`:
//! values are taken as published, `software.name` is mapped to our software ids (by id, name or
//! alias, ignoring case), and texts we write ourselves (membership evidence, caveats) are
//! bilingual. A value we cannot read (an unknown `organization.type`, a latitude that is not a
//! number) leaves the field unknown and adds a notice naming file and line.

use chrono::NaiveDate;

use super::Catalog;
use super::chatonsinfos::{InputFile, OrgBundle};
use super::date::PartialDate;
use super::host::{
    Access, AssociationOffer, Contact, Host, HostService, MembershipBasis, MembershipEvidence,
    Place, Registration, RegistrationLoad, ServiceRegistration, Stated, StatusLevel, WebsiteBasis,
};
use super::properties::InputError;
use super::values::{level, loose_date, org_type, registrations};
use crate::i18n::Text;

/// Reads values of one file, recording a notice for each value it cannot use.
struct Reader<'a> {
    file: &'a InputFile,
    notices: &'a mut Vec<InputError>,
}

impl Reader<'_> {
    fn text(&self, key: &str) -> Option<String> {
        self.file.props.get(key).map(str::to_string)
    }

    fn parsed<T>(&mut self, key: &str, what: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
        let entry = self.file.props.entry(key)?;
        if entry.value.trim().is_empty() {
            return None;
        }
        let out = f(&entry.value);
        if out.is_none() {
            self.notices.push(InputError::new(
                &self.file.name,
                entry.line,
                format!(
                    "valeur « {} » de `{key}` illisible ({what}) : champ laissé inconnu",
                    entry.value
                ),
                format!(
                    "cannot read `{key}` value \"{}\" ({what}): field left unknown",
                    entry.value
                ),
            ));
        }
        out
    }

    /// A date no later than `today`: a date in the future (a wrong clock where the file was
    /// written, a typo) is left out with a notice, so that the catalogue written stays one that
    /// loads (no fact dated after the import).
    fn date(&mut self, key: &str, today: NaiveDate) -> Option<PartialDate> {
        let date = self.parsed(key, "date", loose_date)?;
        let today = PartialDate::day(today);
        if !date.is_after(&today) {
            return Some(date);
        }
        let line = self.file.props.entry(key).map_or(0, |e| e.line);
        self.notices.push(InputError::new(
            &self.file.name,
            line,
            format!(
                "date {date} de `{key}` postérieure au jour de l'import ({today}) : laissée de côté (horloge de l'outil qui a écrit le fichier ?)"
            ),
            format!(
                "`{key}` date {date} is after the day of the import ({today}): left out (the clock of the tool that wrote the file?)"
            ),
        ));
        None
    }

    fn coordinate(&mut self, key: &str, max: f64) -> Option<f64> {
        self.parsed(key, "nombre décimal / decimal number", |v| {
            v.trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= max)
        })
    }
}

/// Build the host for one organization bundle. `id` is chosen by the caller.
pub fn build_host(
    bundle: &OrgBundle,
    id: String,
    catalog: &Catalog,
    today: NaiveDate,
    notices: &mut Vec<InputError>,
) -> Host {
    let org = bundle.organization;
    let mut r = Reader { file: org, notices };
    let name = r.text("organization.name").unwrap_or_else(|| id.clone());
    let org_type = r.parsed("organization.type", "ASSOCIATION, COOPERATIVE…", org_type);
    let status = r.parsed("organization.status.level", "ACTIVE, IDLE, AWAY", level);
    let chatons_status = r.parsed(
        "organization.memberof.chatons.status.level",
        "ACTIVE, IDLE, AWAY",
        level,
    );
    let joined = r.date("organization.memberof.chatons.startdate", today);
    let left = r.date("organization.memberof.chatons.enddate", today);
    let country = r
        .text("organization.country.code")
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
    let address = r.text("organization.geolocation.address");
    // A French postal address gives the département, which the plan's nearness reads.
    let departements = address
        .as_deref()
        .filter(|_| country.as_deref().is_none_or(|c| c == "FR"))
        .and_then(|a| {
            a.split(|c: char| !c.is_ascii_digit())
                .find(|w| w.len() == 5)
                .and_then(crate::audit::departement_of_postcode)
        })
        .into_iter()
        .collect();
    let place = Place {
        country,
        departements,
        address,
        latitude: r.coordinate("organization.geolocation.latitude", 90.0),
        longitude: r.coordinate("organization.geolocation.longitude", 180.0),
        ..Place::default()
    };
    let contact = Contact {
        email: r.text("organization.contact.email"),
        url: r.text("organization.contact.url"),
    };
    let website = r.text("organization.website");
    let mut dates: Vec<PartialDate> = r.date("file.datetime", today).into_iter().collect();
    let mut sources = vec![org.origin(bundle.url.as_deref())];
    let mut services = Vec::new();
    for linked in &bundle.services {
        let mut r = Reader {
            file: linked.file,
            notices,
        };
        dates.extend(r.date("file.datetime", today));
        sources.push(linked.file.origin(Some(&linked.url)));
        services.push(service(&mut r, catalog));
    }
    let mut who: Vec<Access> = Vec::new();
    for reg in services.iter().flat_map(|s| s.registration.iter()) {
        let access = match reg {
            ServiceRegistration::None | ServiceRegistration::Free => Access::OpenToAllFree,
            ServiceRegistration::Member => Access::Members,
            ServiceRegistration::Client => Access::PayingClients,
        };
        if !who.contains(&access) {
            who.push(access);
        }
    }
    let (seen, seen_basis) = match dates.iter().max() {
        Some(d) => (
            *d,
            Text::new(
                "date des fichiers ChatonsInfos (file.datetime)",
                "date of the ChatonsInfos files (file.datetime)",
            ),
        ),
        None => (
            PartialDate::day(today),
            Text::new(
                "date d'import (fichiers ChatonsInfos non datés)",
                "import date (ChatonsInfos files undated)",
            ),
        ),
    };
    let membership_evidence = evidence(bundle, chatons_status, joined, left);
    let caveats = caveats(status, chatons_status, left);
    Host {
        id,
        name,
        website_basis: website.as_ref().map(|_| WebsiteBasis::Stated),
        website,
        operator: None,
        org_type,
        org_type_detail: None,
        status,
        seen,
        seen_basis,
        sources,
        caveats,
        place,
        contact: (contact.email.is_some() || contact.url.is_some()).then_some(contact),
        membership_evidence,
        registration: Registration {
            who,
            ..Registration::default()
        },
        association_offer: AssociationOffer {
            offered: Stated::NotStated,
            notes: None,
        },
        services_notes: None,
        services,
        offers: Vec::new(),
    }
}

fn service(r: &mut Reader, catalog: &Catalog) -> HostService {
    let software_name = r.text("software.name");
    let label = r
        .text("service.name")
        .or_else(|| software_name.clone())
        .unwrap_or_else(|| r.file.file_name().to_string());
    let mut software: Vec<String> = Vec::new();
    let mut needs: Vec<String> = Vec::new();
    if let Some(name) = &software_name {
        match catalog.software.iter().find(|s| s.answers_to(name)) {
            Some(s) => {
                software.push(s.id.clone());
                needs.extend(s.needs.iter().cloned());
            }
            None => {
                let line = r.file.props.entry("software.name").map_or(0, |e| e.line);
                r.notices.push(InputError::new(
                    &r.file.name,
                    line,
                    format!("logiciel « {name} » absent du catalogue : service importé sans logiciel ni besoin ; ajoutez-le (ou un alias) à catalog/software.toml"),
                    format!("software \"{name}\" is not in the catalogue: service imported without software or needs; add it (or an alias) to catalog/software.toml"),
                ));
            }
        }
    }
    HostService {
        label,
        software,
        needs,
        website: r.text("service.website"),
        registration: r
            .parsed(
                "service.registration",
                "None, Free, Member, Client",
                registrations,
            )
            .unwrap_or_default(),
        audience: Vec::new(),
        load: r.parsed("service.registration.load", "OPEN, FULL", |v| {
            match v.trim().to_ascii_uppercase().as_str() {
                "OPEN" => Some(RegistrationLoad::Open),
                "FULL" => Some(RegistrationLoad::Full),
                _ => None,
            }
        }),
        status: r.parsed(
            "service.status.level",
            "ON, MAINTENANCE, DOWN, OFF, DRAFT, OK…",
            level,
        ),
        start: r.parsed("service.startdate", "date", loose_date),
        end: r.parsed("service.enddate", "date", loose_date),
    }
}

fn evidence(
    bundle: &OrgBundle,
    status: Option<StatusLevel>,
    joined: Option<PartialDate>,
    left: Option<PartialDate>,
) -> MembershipEvidence {
    let file = bundle.organization.file_name();
    let since = joined.map(|d| d.to_string());
    let gone = left.is_some() || status == Some(StatusLevel::Away);
    let (basis, evidence) = match (
        &bundle.federation,
        joined.or(left).is_some() || status.is_some(),
    ) {
        _ if gone => (
            MembershipBasis::StatedByHost,
            Text::new(
                format!(
                    "Son fichier ChatonsInfos {file} déclare avoir quitté CHATONS (organization.memberof.chatons.status.level = AWAY{}) : ce n'est plus un membre.",
                    left.map_or(String::new(), |d| format!(", fin le {d}"))
                ),
                format!(
                    "Its ChatonsInfos file {file} declares it left CHATONS (organization.memberof.chatons.status.level = AWAY{}): no longer a member.",
                    left.map_or(String::new(), |d| format!(", ended {d}"))
                ),
            ),
        ),
        (Some(fed), _) => (
            MembershipBasis::StatedByCollective,
            Text::new(
                format!(
                    "Listé par le fichier de fédération {fed} (subs.*) ; fichier d'organisation {file}{}.",
                    since
                        .as_ref()
                        .map_or(String::new(), |s| format!(", membre depuis {s}"))
                ),
                format!(
                    "Listed by the {fed} federation file (subs.*); organization file {file}{}.",
                    since
                        .as_ref()
                        .map_or(String::new(), |s| format!(", member since {s}"))
                ),
            ),
        ),
        (None, true) => (
            MembershipBasis::StatedByHost,
            Text::new(
                format!(
                    "Son fichier ChatonsInfos {file} déclare l'appartenance à CHATONS (organization.memberof.chatons.*){}.",
                    since
                        .as_ref()
                        .map_or(String::new(), |s| format!(", depuis {s}"))
                ),
                format!(
                    "Its ChatonsInfos file {file} declares CHATONS membership (organization.memberof.chatons.*){}.",
                    since
                        .as_ref()
                        .map_or(String::new(), |s| format!(", since {s}"))
                ),
            ),
        ),
        (None, false) => (
            MembershipBasis::Implied,
            Text::new(
                format!(
                    "Publie un fichier ChatonsInfos ({file}) sans clé organization.memberof.chatons.* ni fichier de fédération."
                ),
                format!(
                    "Publishes a ChatonsInfos file ({file}) with no organization.memberof.chatons.* key and no federation file."
                ),
            ),
        ),
    };
    MembershipEvidence {
        basis,
        evidence,
        joined,
        status,
        left,
        recheck: None,
    }
}

fn caveats(
    status: Option<StatusLevel>,
    chatons: Option<StatusLevel>,
    left: Option<PartialDate>,
) -> Option<Text> {
    let mut fr = Vec::new();
    let mut en = Vec::new();
    if let Some(s) = status.filter(|s| *s != StatusLevel::Active) {
        fr.push(format!("Statut de l'organisation : {s:?}."));
        en.push(format!("Organization status: {s:?}."));
    }
    if let Some(s) = chatons.filter(|s| *s != StatusLevel::Active) {
        fr.push(format!("Statut de membre CHATONS : {s:?}."));
        en.push(format!("CHATONS membership status: {s:?}."));
    }
    if let Some(d) = left {
        fr.push(format!("A quitté CHATONS le {d}."));
        en.push(format!("Left CHATONS on {d}."));
    }
    (!fr.is_empty()).then(|| Text::new(fr.join(" "), en.join(" ")))
}
