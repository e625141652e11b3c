//! Messages of the Today screen (the rep's home): sections, attention reasons, task toggles.

use std::borrow::Cow;

use cartera_core::domain::sales::{ActivityKind, Attention};

use super::{Locale, Message};

/// The Today screen's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TodayMsg {
    Title,
    Visits,
    Overdue,
    DueToday,
    Deals,
    NoVisits,
    Reason(Attention),
    Kind(ActivityKind),
    /// The accessible name of a task's checkbox: "Hecha: Llamar a Ana".
    DoneLabel(String),
    /// "Cierre previsto: 30 nov 2026".
    ClosesOn(String),
    MarkedDone,
    MarkedUndone,
    EmptyTitle,
    EmptyHint,
    CaptureLead,
    SeeLeads,
    NoDate,
}

impl Message for TodayMsg {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use TodayMsg::*;
        Cow::Borrowed(match (self, locale) {
            (DoneLabel(s), Es) => return Cow::Owned(format!("Hecha: {s}")),
            (DoneLabel(s), En) => return Cow::Owned(format!("Done: {s}")),
            (ClosesOn(d), Es) => return Cow::Owned(format!("Cierre previsto: {d}")),
            (ClosesOn(d), En) => return Cow::Owned(format!("Expected close: {d}")),
            (Reason(a), l) => reason(*a, l),
            (Kind(k), l) => kind(*k, l),
            (Title, Es) => "Hoy",
            (Title, En) => "Today",
            (Visits, Es) => "Visitas de hoy",
            (Visits, En) => "Today's visits",
            (Overdue, Es) => "Tareas atrasadas",
            (Overdue, En) => "Overdue tasks",
            (DueToday, Es) => "Tareas para hoy",
            (DueToday, En) => "Due today",
            (Deals, Es) => "Oportunidades que requieren atención",
            (Deals, En) => "Deals needing attention",
            (NoVisits, Es) => "Hoy no tienes visitas.",
            (NoVisits, En) => "No visits today.",
            (MarkedDone, Es) => "Tarea hecha",
            (MarkedDone, En) => "Task done",
            (MarkedUndone, Es) => "Tarea pendiente de nuevo",
            (MarkedUndone, En) => "Task to do again",
            (EmptyTitle, Es) => "Nada pendiente para hoy",
            (EmptyTitle, En) => "Nothing due today",
            (EmptyHint, Es) => {
                "Sin visitas, tareas atrasadas ni oportunidades en riesgo. Buen momento para captar prospectos."
            }
            (EmptyHint, En) => {
                "No visits, overdue tasks or deals at risk. A good time to capture leads."
            }
            (CaptureLead, Es) => "Capturar un prospecto",
            (CaptureLead, En) => "Capture a lead",
            (SeeLeads, Es) => "Ver prospectos",
            (SeeLeads, En) => "See leads",
            (NoDate, Es) => "Sin fecha",
            (NoDate, En) => "No date",
        })
    }
}

fn reason(a: Attention, l: Locale) -> &'static str {
    use Attention::*;
    use Locale::*;
    match (a, l) {
        (CloseDatePassed, Es) => "Fecha de cierre pasada",
        (CloseDatePassed, En) => "Close date passed",
        (Stalled, Es) => "Estancada",
        (Stalled, En) => "Stalled",
        (ClosingSoon, Es) => "Cierra pronto",
        (ClosingSoon, En) => "Closing soon",
        (NoNextStep, Es) => "Sin próximo paso",
        (NoNextStep, En) => "No next step",
    }
}

fn kind(k: ActivityKind, l: Locale) -> &'static str {
    use ActivityKind::*;
    use Locale::*;
    match (k, l) {
        (Task, Es) => "Tarea",
        (Task, En) => "Task",
        (Call, Es) => "Llamada",
        (Call, En) => "Call",
        (Meeting, Es) => "Reunión",
        (Meeting, En) => "Meeting",
        (Visit, Es) => "Visita",
        (Visit, En) => "Visit",
    }
}
