//! Saving against what a window last read (issue 12, point 2): two windows on one audit must
//! never overwrite each other blind. Each save names the value it replaces as its window saw
//! it; inside the write transaction, the stored value is compared with it, and when another
//! window (or process) changed it meanwhile to something else, nothing is written and the
//! store answers [`StoreError::ChangedElsewhere`] with the current value and when it was
//! saved, for the window to reload and say so. Comparing values, not times, costs nothing on
//! the save path: the old value is read in that transaction anyway (for the trail).

use crate::audit::{Answer, Association};
use crate::i18n::Message;

use super::StoreError;

/// What is stored now, changed by someone else since the window read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Current {
    /// An answer (`None`: removed).
    Answer(Option<Answer>),
    /// A note's text (empty: none).
    Note(String),
    /// An association's profile.
    Association(Box<Association>),
}

/// The typed result of a save refused because the value changed elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedElsewhere {
    pub current: Current,
    /// When it was saved there (RFC 3339, UTC); empty when unknown.
    pub at: String,
}

impl ChangedElsewhere {
    pub(super) fn error(current: Current, at: String) -> StoreError {
        StoreError::ChangedElsewhere(Box::new(ChangedElsewhere { current, at }))
    }

    /// The generic message (front ends say it with the time in local time instead).
    pub fn message(&self) -> Message {
        let what = match self.current {
            Current::Answer(_) => ("réponse", "answer"),
            Current::Note(_) => ("note", "note"),
            Current::Association(_) => ("fiche", "profile"),
        };
        Message::new(
            format!(
                "modifié dans une autre fenêtre ({}) — {} mise à jour, rien n'a été écrasé. Donnez à nouveau votre réponse si besoin.",
                self.at, what.0
            ),
            format!(
                "changed in another window ({}) — {} reloaded, nothing was overwritten. Answer again if needed.",
                self.at, what.1
            ),
        )
    }
}
