//! The screens, one file each: its state struct, its drawing and its commands.

pub mod dashboard;
pub mod home;
pub mod notes;
pub mod profile;
pub mod review;
pub mod walk;
