//! Associations: the profile of each organisation audited. The contact name and e-mail are
//! personal data; erasing an association is in `erase`. Texts are stored NFC-normalised (as
//! answers are), so a name typed with decomposed accents reads back, sorts and compares like
//! the same name typed precomposed.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::Fail;
use super::{Store, StoreError, codec, read, write};
use crate::audit::{Association, LegalForm};
use crate::i18n::Message;

impl Store {
    /// Add an association. Its id is `a.id` when set (a UUID, e.g. from another laptop), else a
    /// new UUID v7; the id is returned.
    pub fn create_association(&mut self, a: &Association) -> Result<String, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| insert(tx, a, &now))
    }

    /// Replace an association's profile (found by `a.id`).
    pub fn update_association(&mut self, a: &Association) -> Result<(), StoreError> {
        let now = codec::now();
        let a = &nfc(a);
        write(&mut self.conn, &self.shown, |tx| {
            check(a)?;
            let changed = tx.execute(
                "UPDATE associations SET name = ?2, name_fold = ?3, legal_form = ?4,
                    country = ?5, postcode = ?6, activity = ?7, members = ?8, employees = ?9,
                    volunteers = ?10, budget_eur = ?11, contact_name = ?12,
                    contact_email = ?13, updated_at = ?14
                 WHERE id = ?1",
                params![
                    a.id,
                    a.name.trim(),
                    codec::fold(a.name.trim()),
                    a.legal_form.as_str(),
                    a.country,
                    a.postcode,
                    a.activity,
                    a.members,
                    a.employees,
                    a.volunteers,
                    a.budget_eur.map(|b| b as i64),
                    a.contact_name,
                    a.contact_email,
                    now
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::UnknownAssociation(a.id.clone()).into());
            }
            Ok(())
        })
    }

    /// The association with this id.
    pub fn association(&self, id: &str) -> Result<Option<Association>, StoreError> {
        read(&self.conn, &self.shown, |c| get(c, id))
    }
}

/// The profile with every text cleaned (`safe_text::clean_line`: NFC, one line, no control or
/// bidi override character), as every way in cleans it.
fn nfc(a: &Association) -> Association {
    let n = crate::safe_text::clean_line;
    Association {
        name: n(&a.name),
        country: n(&a.country),
        postcode: n(&a.postcode),
        activity: n(&a.activity),
        contact_name: n(&a.contact_name),
        contact_email: n(&a.contact_email),
        ..a.clone()
    }
}

fn check(a: &Association) -> Result<(), Fail> {
    if a.name.trim().is_empty() {
        return Err(StoreError::Invalid(Message::new(
            "une association doit avoir un nom ; rien n'a été écrit.",
            "an association needs a name; nothing was written.",
        ))
        .into());
    }
    if a.budget_eur.is_some_and(|b| i64::try_from(b).is_err()) {
        return Err(StoreError::Invalid(Message::new(
            "budget annuel trop grand ; rien n'a été écrit.",
            "annual budget too large; nothing was written.",
        ))
        .into());
    }
    Ok(())
}

/// Insert an association in the open transaction; returns its id.
pub(super) fn insert(tx: &Connection, a: &Association, now: &str) -> Result<String, Fail> {
    let a = &nfc(a);
    check(a)?;
    let id = if a.id.is_empty() {
        codec::new_id()
    } else {
        uuid::Uuid::parse_str(&a.id)
            .map_err(|_| {
                StoreError::Invalid(Message::new(
                    format!("identifiant d'association invalide « {} » (UUID attendu) ; rien n'a été écrit.", a.id),
                    format!("invalid association id '{}' (a UUID is expected); nothing was written.", a.id),
                ))
            })?
            .to_string()
    };
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM associations WHERE id = ?1)",
        [&id],
        |r| r.get(0),
    )?;
    if exists {
        return Err(StoreError::Invalid(Message::new(
            format!("l'association {id} existe déjà ; rien n'a été écrit."),
            format!("association {id} already exists; nothing was written."),
        ))
        .into());
    }
    tx.execute(
        "INSERT INTO associations (id, name, name_fold, legal_form, country, postcode, activity,
            members, employees, volunteers, budget_eur, contact_name, contact_email,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            id,
            a.name.trim(),
            codec::fold(a.name.trim()),
            a.legal_form.as_str(),
            a.country,
            a.postcode,
            a.activity,
            a.members,
            a.employees,
            a.volunteers,
            a.budget_eur.map(|b| b as i64),
            a.contact_name,
            a.contact_email,
            now
        ],
    )?;
    Ok(id)
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Option<Association>, Fail> {
    let row = conn
        .query_row(
            "SELECT id, name, legal_form, country, postcode, activity, members, employees,
                volunteers, budget_eur, contact_name, contact_email
             FROM associations WHERE id = ?1",
            [id],
            from_row,
        )
        .optional()?;
    row.map(|(a, form)| {
        let legal_form = LegalForm::parse(&form)
            .ok_or_else(|| Fail::unreadable(format!("unknown legal form '{form}'")))?;
        Ok(Association { legal_form, ..a })
    })
    .transpose()
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<(Association, String)> {
    let budget: Option<i64> = r.get(9)?;
    Ok((
        Association {
            id: r.get(0)?,
            name: r.get(1)?,
            legal_form: LegalForm::default(),
            country: r.get(3)?,
            postcode: r.get(4)?,
            activity: r.get(5)?,
            members: r.get(6)?,
            employees: r.get(7)?,
            volunteers: r.get(8)?,
            budget_eur: budget.and_then(|b| u64::try_from(b).ok()),
            contact_name: r.get(10)?,
            contact_email: r.get(11)?,
        },
        r.get(2)?,
    ))
}
