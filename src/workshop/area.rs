//! Areas for pooling needs: a French département, else its region, else (outside France) the
//! country — Belgium as a whole, as the brief for pooled needs asks.
//!
//! The département comes from the postcode (`Association::departement`), the region from the
//! département through the table of `plan::geo` (the 18 regions since 1 January 2016, loi
//! n° 2015-29; source: INSEE, Code officiel géographique, « Départements et régions »). Area ids
//! are short and shell-friendly: `dep-35`, `reg-bretagne`, `pays-be`.

use serde::Serialize;

use crate::audit::Association;
use crate::i18n::Text;
use crate::plan::geo::region_of;

/// What kind of area a group shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    Departement,
    Region,
    Country,
}

/// An area, with its id and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    pub id: String,
    pub kind: AreaKind,
    pub label: Text,
}

/// Where an association is, as precisely as its profile tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub departement: Option<Area>,
    pub region: Option<Area>,
    pub country: Option<Area>,
}

impl Place {
    /// The département and region of a French association; the country of another one.
    pub fn of(a: &Association) -> Place {
        let country = a.country.trim().to_ascii_uppercase();
        if country == "FR" {
            let dep = a.departement();
            let region = dep.as_deref().and_then(region_of);
            return Place {
                departement: dep.map(|d| departement(&d)),
                region: region.map(self::region),
                country: None,
            };
        }
        Place {
            departement: None,
            region: None,
            country: (country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic()))
                .then(|| self::country(&country)),
        }
    }
}

/// The area of a French département code (`"35"`, `"2A"`, `"974"`).
pub fn departement(code: &str) -> Area {
    Area {
        id: format!("dep-{}", code.to_ascii_lowercase()),
        kind: AreaKind::Departement,
        label: Text::new(format!("département {code}"), format!("département {code}")),
    }
}

/// The area of a French region, by its name.
pub fn region(name: &str) -> Area {
    Area {
        id: format!("reg-{}", slug(name)),
        kind: AreaKind::Region,
        label: Text::new(format!("région {name}"), format!("{name} region")),
    }
}

/// The area of a country (ISO 3166-1 alpha-2).
pub fn country(code: &str) -> Area {
    let code = code.to_ascii_uppercase();
    let (fr, en) = match code.as_str() {
        "BE" => ("Belgique", "Belgium"),
        "CH" => ("Suisse", "Switzerland"),
        "LU" => ("Luxembourg", "Luxembourg"),
        "CA" => ("Canada", "Canada"),
        "IT" => ("Italie", "Italy"),
        "DE" => ("Allemagne", "Germany"),
        "HR" => ("Croatie", "Croatia"),
        "ES" => ("Espagne", "Spain"),
        other => (other, other),
    };
    Area {
        id: format!("pays-{}", code.to_ascii_lowercase()),
        kind: AreaKind::Country,
        label: Text::new(fr, en),
    }
}

/// Lower-case ASCII letters and digits joined by single hyphens: « Île-de-France » →
/// `ile-de-france`, « Provence-Alpes-Côte d'Azur » → `provence-alpes-cote-d-azur`.
pub fn slug(s: &str) -> String {
    let folded = crate::audit::codec::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assoc(country: &str, postcode: &str) -> Association {
        Association {
            country: country.into(),
            postcode: postcode.into(),
            ..Association::default()
        }
    }

    #[test]
    fn french_places_have_a_departement_and_a_region() {
        let p = Place::of(&assoc("FR", "35000"));
        assert_eq!(p.departement.map(|a| a.id).as_deref(), Some("dep-35"));
        assert_eq!(p.region.map(|a| a.id).as_deref(), Some("reg-bretagne"));
        let p = Place::of(&assoc("fr", "75011"));
        assert_eq!(p.region.map(|a| a.id).as_deref(), Some("reg-ile-de-france"));
        let p = Place::of(&assoc("FR", "20090"));
        assert_eq!(p.departement.map(|a| a.id).as_deref(), Some("dep-2a"));
    }

    #[test]
    fn belgium_is_one_area_and_unknown_places_have_none() {
        let p = Place::of(&assoc("BE", "1000"));
        assert_eq!(p.country.map(|a| a.id).as_deref(), Some("pays-be"));
        assert!(p.departement.is_none());
        let p = Place::of(&assoc("", ""));
        assert_eq!(
            p,
            Place {
                departement: None,
                region: None,
                country: None
            }
        );
        let p = Place::of(&assoc("FR", ""));
        assert!(p.departement.is_none() && p.region.is_none());
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Provence-Alpes-Côte d'Azur"),
            "provence-alpes-cote-d-azur"
        );
        assert_eq!(slug("Île-de-France"), "ile-de-france");
    }
}
