//! The screens, one file each: its state struct, its drawing and its commands.

pub mod compare;
pub mod dashboard;
pub mod dashboard_keys;
pub mod dashboard_pools;
pub mod export;
pub mod home;
pub mod notes;
pub mod plan;
mod plan_hosts;
pub mod plan_labels;
pub mod plan_layout;
pub mod plan_tabs;
pub mod plan_why;
pub mod profile;
pub mod review;
pub mod walk;
pub mod walk_choice;
pub mod workshop_form;
pub mod workshops;
