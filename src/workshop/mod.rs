//! Workshops and pooled needs: what a trainer sees when working with many associations at once.
//!
//! | module | job |
//! |---|---|
//! | `facts` | what the store hands over per audit, and reading it by tags in one pass |
//! | `dashboard` | tools and needs counted over associations, share on free software, progress |
//! | `area` | département, region or country of an association, for pooling |
//! | `pool` | groups sharing an unmet need in one area, the hosts that could serve them |
//! | `price` | a host's stated price and how a group would split it |
//! | `annonce` | the joint, anonymised « petite annonce » of a group |
//!
//! Everything here is pure: the store fetches (`Store::audit_facts`), these functions count.

pub mod annonce;
pub mod area;
pub mod dashboard;
pub mod facts;
pub mod pool;
pub mod price;

pub use dashboard::{Dashboard, build as dashboard};
pub use facts::{AnswerSlots, AuditFacts, Facts};
pub use pool::{Group, Pools, pools};

/// A workshop as the store keeps it, with how many audits it groups.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    pub date: String,
    pub place: String,
    pub trainer: String,
    pub questionnaire_id: String,
    pub created_at: String,
    pub updated_at: String,
    pub audits: usize,
}
