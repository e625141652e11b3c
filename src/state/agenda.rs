//! The agenda export: the current user's activities as an iCalendar file (core's
//! `agenda_ics`), downloaded through a Blob and an object URL like the Settings export.

use cartera_core::domain::sales::{ACTIVITY_TYPE, Activity, agenda_ics};

use super::Store;
use super::leads::load_all;
use crate::i18n::ErrorMsg;

/// Why the agenda was not exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgendaError {
    /// The activities could not be read.
    Read(ErrorMsg),
    /// The browser refused the download.
    Download,
}

/// Downloads `user`'s agenda as `cartera-agenda-YYYY-MM-DD.ics`.
pub async fn export_agenda(store: &Store, user: &str) -> Result<(), AgendaError> {
    let activities = load_all(store, ACTIVITY_TYPE, Activity::from_doc)
        .await
        .map_err(AgendaError::Read)?;
    let now = chrono::Utc::now();
    let ics = agenda_ics(&activities, user, now);
    let file = format!("cartera-agenda-{}.ics", now.date_naive());
    super::data_tools::download(&file, "text/calendar;charset=utf-8", &ics)
        .map_err(|_| AgendaError::Download)
}
