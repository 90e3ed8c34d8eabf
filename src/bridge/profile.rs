//! The association's profile as form fields: the `[association]` keys of an answers file,
//! asked first in the XLSForm (group `association_profile`, fields `association_<key>`) and read back
//! by `import-submissions`. One table, so the form and the import cannot disagree.

use crate::i18n::Text;

/// One profile field of the form.
pub struct ProfileField {
    /// The `[association]` key of an answers file.
    pub key: &'static str,
    /// Its XLSForm type.
    pub xlsform: &'static str,
    pub label: (&'static str, &'static str),
    pub required: bool,
}

impl ProfileField {
    /// Its name in the form and its column in an export.
    pub fn column(&self) -> String {
        format!("{PREFIX}{}", self.key)
    }

    pub fn label(&self) -> Text {
        Text::new(self.label.0, self.label.1)
    }
}

/// What every profile column starts with.
pub const PREFIX: &str = "association_";

/// The group holding the profile in the form.
pub const GROUP: &str = "association_profile";

/// The list of legal forms in the XLSForm's choices.
pub const LEGAL_FORMS: &str = "diagasso_legal_form";

pub const FIELDS: [ProfileField; 11] = [
    ProfileField {
        key: "name",
        xlsform: "text",
        label: ("Nom de l'association", "Name of the association"),
        required: true,
    },
    ProfileField {
        key: "legal_form",
        xlsform: "select_one diagasso_legal_form",
        label: ("Forme juridique", "Legal form"),
        required: false,
    },
    ProfileField {
        key: "country",
        xlsform: "text",
        label: (
            "Pays (code à deux lettres\u{a0}: FR, BE, CH…)",
            "Country (two-letter code: FR, BE, CH…)",
        ),
        required: false,
    },
    ProfileField {
        key: "postcode",
        xlsform: "text",
        label: ("Code postal", "Postcode"),
        required: false,
    },
    ProfileField {
        key: "activity",
        xlsform: "text",
        label: ("Activité de l'association", "The association's activity"),
        required: false,
    },
    ProfileField {
        key: "members",
        xlsform: "integer",
        label: ("Nombre d'adhérents", "Number of members"),
        required: false,
    },
    ProfileField {
        key: "employees",
        xlsform: "integer",
        label: ("Nombre de salariés", "Number of employees"),
        required: false,
    },
    ProfileField {
        key: "volunteers",
        xlsform: "integer",
        label: ("Nombre de bénévoles actifs", "Number of active volunteers"),
        required: false,
    },
    ProfileField {
        key: "budget_eur",
        xlsform: "integer",
        label: ("Budget annuel (en euros)", "Annual budget (in euros)"),
        required: false,
    },
    ProfileField {
        key: "contact_name",
        xlsform: "text",
        label: ("Personne à contacter\u{a0}: nom", "Contact person: name"),
        required: false,
    },
    ProfileField {
        key: "contact_email",
        xlsform: "text",
        label: (
            "Personne à contacter\u{a0}: courriel",
            "Contact person: e-mail",
        ),
        required: false,
    },
];

/// The field whose column (or key) this is.
pub fn by_column(column: &str) -> Option<&'static ProfileField> {
    let key = column.strip_prefix(PREFIX)?;
    FIELDS.iter().find(|f| f.key == key)
}

/// Whether a count field (read as a whole number).
pub fn is_count(field: &ProfileField) -> bool {
    field.xlsform == "integer"
}
