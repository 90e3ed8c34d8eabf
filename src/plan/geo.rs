//! Nearness between an association and a host: French départements grouped into their current
//! regions (2016 map), and a loose comparison of region names as sources write them
//! ("Île-de-France", "ile de france").

/// The region of a French département code (`"69"`, `"2A"`, `"974"`).
pub(crate) fn region_of(departement: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(_, deps)| deps.contains(&departement))
        .map(|(name, _)| *name)
}

/// Region names compared without case, accents, spaces, hyphens or apostrophes.
pub(crate) fn same_region(a: &str, b: &str) -> bool {
    fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| c.is_alphanumeric()).map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
    }
    !a.trim().is_empty() && fold(a).eq(fold(b))
}

const REGIONS: &[(&str, &[&str])] = &[
    (
        "Auvergne-Rhône-Alpes",
        &[
            "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
        ],
    ),
    (
        "Bourgogne-Franche-Comté",
        &["21", "25", "39", "58", "70", "71", "89", "90"],
    ),
    ("Bretagne", &["22", "29", "35", "56"]),
    ("Centre-Val de Loire", &["18", "28", "36", "37", "41", "45"]),
    ("Corse", &["2A", "2B"]),
    (
        "Grand Est",
        &["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    ),
    ("Hauts-de-France", &["02", "59", "60", "62", "80"]),
    (
        "Île-de-France",
        &["75", "77", "78", "91", "92", "93", "94", "95"],
    ),
    ("Normandie", &["14", "27", "50", "61", "76"]),
    (
        "Nouvelle-Aquitaine",
        &[
            "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
        ],
    ),
    (
        "Occitanie",
        &[
            "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
        ],
    ),
    ("Pays de la Loire", &["44", "49", "53", "72", "85"]),
    (
        "Provence-Alpes-Côte d'Azur",
        &["04", "05", "06", "13", "83", "84"],
    ),
    ("Guadeloupe", &["971"]),
    ("Martinique", &["972"]),
    ("Guyane", &["973"]),
    ("La Réunion", &["974"]),
    ("Mayotte", &["976"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metropolitan_departement_has_one_region() {
        let mut count = 0;
        for n in 1..=95 {
            let code = format!("{n:02}");
            if code == "20" {
                continue;
            }
            assert!(region_of(&code).is_some(), "{code}");
            count += 1;
        }
        assert_eq!(count, 94);
        assert_eq!(region_of("2A"), Some("Corse"));
        assert_eq!(region_of("974"), Some("La Réunion"));
    }

    #[test]
    fn region_names_compare_loosely() {
        assert!(same_region("Île-de-France", "ile de france"));
        assert!(same_region(
            "Provence-Alpes-Côte d'Azur",
            "provence alpes cote dazur"
        ));
        assert!(!same_region("", ""));
        assert!(!same_region("Bretagne", "Normandie"));
    }
}
