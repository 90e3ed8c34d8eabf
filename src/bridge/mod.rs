//! Bridges to the tools associations and networks already use: the questionnaire as an
//! XLSForm for KoboToolbox, ODK or Enketo (`xlsform`, its expressions in `xpath`, written by
//! `xlsx`), the submissions of such a form — or of a Nextcloud Forms form — read back as
//! answers files (`submissions`), a blank questionnaire for paper (`paper`) and an answers
//! file template (`template`). Pure: questionnaires and bytes in, rows, text and bytes out.

pub mod paper;
pub mod profile;
pub mod submissions;
pub mod template;
pub mod words;
pub mod xlsform;
pub mod xlsx;
pub mod xpath;
