//! The rules of an association's profile, shared by every way a profile comes in (the TUI's
//! form, the line mode's questions, the answers file): which fields there are, in which order,
//! which are personal data, and how each is read and checked. One e-mail check, one country
//! check, one postcode check, wherever the text comes from. Problems are typed
//! (`FieldError`) and turned into words where they are shown.

use super::{Association, LegalForm};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// The profile's fields, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    LegalForm,
    Country,
    Postcode,
    Activity,
    Members,
    Employees,
    Volunteers,
    Budget,
    ContactName,
    ContactEmail,
}

/// Why a field's text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    NameRequired,
    Country,
    Postcode,
    WholeNumber,
    Email,
}

impl FieldError {
    /// What to show, as the interface words it.
    pub fn ui(self) -> Ui {
        match self {
            FieldError::NameRequired => Ui::ErrNameRequired,
            FieldError::Country => Ui::ErrCountry,
            FieldError::Postcode => Ui::ErrPostcode,
            FieldError::WholeNumber => Ui::ErrWholeNumber,
            FieldError::Email => Ui::ErrEmail,
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        self.ui().get(lang)
    }
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Name,
        Field::LegalForm,
        Field::Country,
        Field::Postcode,
        Field::Activity,
        Field::Members,
        Field::Employees,
        Field::Volunteers,
        Field::Budget,
        Field::ContactName,
        Field::ContactEmail,
    ];

    /// Its place in [`Field::ALL`].
    pub fn index(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// Its label in the interface.
    pub fn label(self) -> Ui {
        match self {
            Field::Name => Ui::FieldName,
            Field::LegalForm => Ui::FieldLegalForm,
            Field::Country => Ui::FieldCountry,
            Field::Postcode => Ui::FieldPostcode,
            Field::Activity => Ui::FieldActivity,
            Field::Members => Ui::FieldMembers,
            Field::Employees => Ui::FieldEmployees,
            Field::Volunteers => Ui::FieldVolunteers,
            Field::Budget => Ui::FieldBudget,
            Field::ContactName => Ui::FieldContactName,
            Field::ContactEmail => Ui::FieldContactEmail,
        }
    }

    /// Personal data: left out of anonymised exports, removed by erasure.
    pub fn is_personal(self) -> bool {
        matches!(self, Field::ContactName | Field::ContactEmail)
    }

    /// A choice from a list ([`LegalForm::ALL`]), not a text.
    pub fn is_choice(self) -> bool {
        self == Field::LegalForm
    }

    /// The association's value of this field as text, as a form shows it (empty for the
    /// legal form, which is a choice).
    pub fn text(self, a: &Association) -> String {
        let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        match self {
            Field::Name => a.name.clone(),
            Field::LegalForm => String::new(),
            Field::Country => a.country.clone(),
            Field::Postcode => a.postcode.clone(),
            Field::Activity => a.activity.clone(),
            Field::Members => count(a.members),
            Field::Employees => count(a.employees),
            Field::Volunteers => count(a.volunteers),
            Field::Budget => a.budget_eur.map(|n| n.to_string()).unwrap_or_default(),
            Field::ContactName => a.contact_name.clone(),
            Field::ContactEmail => a.contact_email.clone(),
        }
    }

    /// Read `text` into this field of `a` (the legal form is left alone: it is chosen, not
    /// typed). On a refusal `a` is unchanged.
    pub fn set(self, a: &mut Association, text: &str) -> Result<(), FieldError> {
        let text = text.trim();
        match self {
            Field::Name if text.is_empty() => return Err(FieldError::NameRequired),
            Field::Name => a.name = text.to_string(),
            Field::LegalForm => {}
            Field::Country if text.is_empty() => {}
            Field::Country => a.country = country_code(text).ok_or(FieldError::Country)?,
            Field::Postcode => a.postcode = postcode(&a.country, text)?,
            Field::Activity => a.activity = text.to_string(),
            Field::Members => a.members = people(text)?,
            Field::Employees => a.employees = people(text)?,
            Field::Volunteers => a.volunteers = people(text)?,
            Field::Budget => a.budget_eur = whole_number(text)?,
            Field::ContactName => a.contact_name = text.to_string(),
            Field::ContactEmail if text.is_empty() || plausible_email(text) => {
                a.contact_email = text.to_string()
            }
            Field::ContactEmail => return Err(FieldError::Email),
        }
        Ok(())
    }
}

/// A new association's profile before anything is typed: France, as most users are.
pub fn blank() -> Association {
    Association {
        country: "FR".into(),
        legal_form: LegalForm::default(),
        ..Association::default()
    }
}

/// Read every field's text (in [`Field::ALL`] order; the legal form's is ignored) onto `base`:
/// the association with every valid field applied, and the problem of each refused one.
pub fn read(texts: &[String], base: &Association) -> (Association, Vec<Option<FieldError>>) {
    let mut a = base.clone();
    let errors = Field::ALL
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = texts.get(i).map(String::as_str).unwrap_or("");
            f.set(&mut a, text).err()
        })
        .collect();
    (a, errors)
}

/// A two-letter country code, upper case ("fr" → "FR").
pub fn country_code(text: &str) -> Option<String> {
    let c = text.trim();
    (c.len() == 2 && c.chars().all(|c| c.is_ascii_alphabetic())).then(|| c.to_ascii_uppercase())
}

/// A postcode for `country`, spaces removed: five digits in France, any text elsewhere.
pub fn postcode(country: &str, text: &str) -> Result<String, FieldError> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let french = country.eq_ignore_ascii_case("FR");
    if french
        && !digits.is_empty()
        && !(digits.len() == 5 && digits.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(FieldError::Postcode);
    }
    Ok(digits)
}

/// A plausible e-mail address: one `@`, something before it, a domain with a dot inside (not
/// at either end), no space or control character anywhere.
pub fn plausible_email(text: &str) -> bool {
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((user, host)) = text.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !host.contains('@')
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

/// An optional whole number, with spaces, "€" or "." as thousands separators allowed.
pub fn whole_number(text: &str) -> Result<Option<u64>, FieldError> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€' | '.'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| FieldError::WholeNumber)
}

/// A number of people (members, employees, volunteers).
fn people(text: &str) -> Result<Option<u32>, FieldError> {
    match whole_number(text)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| FieldError::WholeNumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_email_check() {
        for good in ["a@b.fr", "prénom.nom@asso-exemple.org", "x+y@sub.domain.eu"] {
            assert!(plausible_email(good), "{good}");
        }
        for bad in [
            "", "a", "@b.fr", "a@b", "a@.fr", "a@b.", "a b@c.fr", "a@b@c.fr", "a@b.fr\n",
        ] {
            assert!(!plausible_email(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_refused_field_leaves_the_association_as_it_was() {
        let mut a = blank();
        a.name = "Jardins".into();
        let before = a.clone();
        assert_eq!(
            Field::Postcode.set(&mut a, "123"),
            Err(FieldError::Postcode)
        );
        assert_eq!(
            Field::Members.set(&mut a, "-5"),
            Err(FieldError::WholeNumber)
        );
        assert_eq!(
            Field::Members.set(&mut a, "99999999999"),
            Err(FieldError::WholeNumber)
        );
        assert_eq!(
            Field::ContactEmail.set(&mut a, "nobody"),
            Err(FieldError::Email)
        );
        assert_eq!(Field::Name.set(&mut a, "  "), Err(FieldError::NameRequired));
        assert_eq!(a, before);
    }

    #[test]
    fn read_applies_the_valid_fields_and_names_the_others() {
        let texts: Vec<String> = [
            "Les Jardins",
            "",
            "be",
            "B-1000",
            "jardinage",
            "1 200",
            "",
            "x",
            "18 000 €",
            "Ana",
            "ana@ex.org",
        ]
        .map(String::from)
        .to_vec();
        let (a, errors) = read(&texts, &blank());
        assert_eq!(a.country, "BE");
        assert_eq!(a.postcode, "B-1000", "any postcode outside France");
        assert_eq!(a.members, Some(1200));
        assert_eq!(a.budget_eur, Some(18_000));
        assert_eq!(
            errors[Field::Volunteers.index()],
            Some(FieldError::WholeNumber)
        );
        assert_eq!(errors.iter().flatten().count(), 1);
    }
}
