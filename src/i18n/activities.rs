//! Messages of the activity form, the visit screen and the agenda export.

use std::borrow::Cow;

use cartera_core::domain::sales::{ActivityKind, ExpenseKind, VisitOutcome};

use super::{Locale, Message};

/// The words of the activity and visit screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActivityMsg {
    NewActivity,
    EditActivity,
    Kind(ActivityKind),
    KindLabel,
    Subject,
    Date,
    Time,
    Duration,
    Place,
    Notes,
    LinkedRecord,
    LinkNone,
    /// "Oportunidad: Aceros Ruiz" / "Deal: …" in the link picker.
    LinkDeal(String),
    LinkAccount(String),
    LinkContact(String),
    LinkLead(String),
    Created,
    Saved,
    NotFound,
    BackToToday,
    /// The visit page.
    Visit,
    CheckIn,
    CheckOut,
    CheckedInAt(String),
    CheckedOutAt(String),
    /// Minutes on site.
    TimeOnSite(i64),
    UseLocation,
    LocationHint,
    LocationDenied,
    LocationUnavailable,
    LocationTimeout,
    LocationRecorded,
    Outcome,
    OutcomeNone,
    OutcomeOf(VisitOutcome),
    Expenses,
    Expense(ExpenseKind),
    /// "Importe (EUR)".
    AmountIn(String),
    VisitSaved,
    CheckedIn,
    CheckedOut,
    OpenVisit,
    ExportAgenda,
    ExportFailed,
    EditDetails,
    /// A record's timeline.
    Timeline,
    TimelineEmpty,
    /// "Para el 12 mar 2026, 10:30" (already formatted).
    DueOn(String),
    DoneOn(String),
    DoneState,
    ToDoState,
    /// A notification's body: "Llamada · 12 mar 2026, 10:30".
    ReminderBody(ActivityKind, String),
    /// The in-app reminder when the browser does not notify: subject and time.
    Reminder(String, String),
}

impl Message for ActivityMsg {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use ActivityMsg::*;
        use Locale::*;
        let owned = |s: String| Cow::Owned(s);
        Cow::Borrowed(match (self, locale) {
            (Kind(k), l) => return super::TodayMsg::Kind(*k).text(l),
            (LinkDeal(s), Es) => return owned(format!("Oportunidad: {s}")),
            (LinkDeal(s), En) => return owned(format!("Deal: {s}")),
            (LinkAccount(s), Es) => return owned(format!("Empresa: {s}")),
            (LinkAccount(s), En) => return owned(format!("Company: {s}")),
            (LinkContact(s), Es) => return owned(format!("Contacto: {s}")),
            (LinkContact(s), En) => return owned(format!("Contact: {s}")),
            (LinkLead(s), Es) => return owned(format!("Prospecto: {s}")),
            (LinkLead(s), En) => return owned(format!("Lead: {s}")),
            (CheckedInAt(t), Es) => return owned(format!("Entrada: {t}")),
            (CheckedInAt(t), En) => return owned(format!("Checked in: {t}")),
            (CheckedOutAt(t), Es) => return owned(format!("Salida: {t}")),
            (CheckedOutAt(t), En) => return owned(format!("Checked out: {t}")),
            (TimeOnSite(m), Es) => return owned(format!("Tiempo en el cliente: {m} min")),
            (TimeOnSite(m), En) => return owned(format!("Time on site: {m} min")),
            (AmountIn(c), Es) => return owned(format!("Importe ({c})")),
            (AmountIn(c), En) => return owned(format!("Amount ({c})")),
            (DueOn(t), Es) => return owned(format!("Para el {t}")),
            (DueOn(t), En) => return owned(format!("Due {t}")),
            (DoneOn(t), Es) => return owned(format!("Hecha el {t}")),
            (DoneOn(t), En) => return owned(format!("Done {t}")),
            (ReminderBody(k, t), l) => {
                return owned(format!("{} · {t}", super::TodayMsg::Kind(*k).text(l)));
            }
            (Reminder(s, t), Es) => return owned(format!("Recordatorio: {s}, {t}")),
            (Reminder(s, t), En) => return owned(format!("Reminder: {s}, {t}")),
            (OutcomeOf(o), l) => outcome(*o, l),
            (Expense(k), l) => expense(*k, l),
            (NewActivity, Es) => "Nueva actividad",
            (NewActivity, En) => "New activity",
            (EditActivity, Es) => "Editar actividad",
            (EditActivity, En) => "Edit activity",
            (KindLabel, Es) => "Tipo",
            (KindLabel, En) => "Type",
            (Subject, Es) => "Asunto",
            (Subject, En) => "Subject",
            (Date, Es) => "Fecha",
            (Date, En) => "Date",
            (Time, Es) => "Hora",
            (Time, En) => "Time",
            (Duration, Es) => "Duración (minutos)",
            (Duration, En) => "Duration (minutes)",
            (Place, Es) => "Lugar",
            (Place, En) => "Place",
            (Notes, Es) => "Notas",
            (Notes, En) => "Notes",
            (LinkedRecord, Es) => "Vinculada a",
            (LinkedRecord, En) => "Linked to",
            (LinkNone, Es) => "Sin vincular",
            (LinkNone, En) => "Not linked",
            (Created, Es) => "Actividad creada",
            (Created, En) => "Activity created",
            (Saved, Es) => "Actividad guardada",
            (Saved, En) => "Activity saved",
            (NotFound, Es) => "Esta actividad no existe o se ha eliminado.",
            (NotFound, En) => "This activity does not exist or was deleted.",
            (BackToToday, Es) => "Volver a Hoy",
            (BackToToday, En) => "Back to Today",
            (Visit, Es) => "Visita",
            (Visit, En) => "Visit",
            (CheckIn, Es) => "Registrar entrada",
            (CheckIn, En) => "Check in",
            (CheckOut, Es) => "Registrar salida",
            (CheckOut, En) => "Check out",
            (UseLocation, Es) => "Usar mi ubicación",
            (UseLocation, En) => "Use my location",
            (LocationHint, Es) => "Solo se guarda al registrar la entrada o la salida.",
            (LocationHint, En) => "Only saved when you check in or out.",
            (LocationDenied, Es) => "Sin permiso de ubicación: se guarda solo la hora.",
            (LocationDenied, En) => "Location permission denied: only the time is saved.",
            (LocationUnavailable, Es) => "Ubicación no disponible: se guarda solo la hora.",
            (LocationUnavailable, En) => "Location unavailable: only the time is saved.",
            (LocationTimeout, Es) => "La ubicación tardó demasiado: se guarda solo la hora.",
            (LocationTimeout, En) => "Location took too long: only the time is saved.",
            (LocationRecorded, Es) => "Ubicación registrada",
            (LocationRecorded, En) => "Location recorded",
            (Outcome, Es) => "Resultado",
            (Outcome, En) => "Outcome",
            (OutcomeNone, Es) => "Sin indicar",
            (OutcomeNone, En) => "Not set",
            (Expenses, Es) => "Gastos",
            (Expenses, En) => "Expenses",
            (VisitSaved, Es) => "Visita guardada",
            (VisitSaved, En) => "Visit saved",
            (CheckedIn, Es) => "Entrada registrada",
            (CheckedIn, En) => "Checked in",
            (CheckedOut, Es) => "Salida registrada",
            (CheckedOut, En) => "Checked out",
            (OpenVisit, Es) => "Abrir visita",
            (OpenVisit, En) => "Open visit",
            (ExportAgenda, Es) => "Exportar agenda (.ics)",
            (ExportAgenda, En) => "Export agenda (.ics)",
            (ExportFailed, Es) => "No se pudo exportar la agenda.",
            (ExportFailed, En) => "The agenda could not be exported.",
            (EditDetails, Es) => "Editar datos",
            (EditDetails, En) => "Edit details",
            (Timeline, Es) => "Actividad",
            (Timeline, En) => "Activity",
            (TimelineEmpty, Es) => "Todavía no hay actividades ni cambios.",
            (TimelineEmpty, En) => "No activities or changes yet.",
            (DoneState, Es) => "Hecha",
            (DoneState, En) => "Done",
            (ToDoState, Es) => "Pendiente",
            (ToDoState, En) => "To do",
        })
    }
}

fn outcome(o: VisitOutcome, l: Locale) -> &'static str {
    use Locale::*;
    use VisitOutcome::*;
    match (o, l) {
        (Order, Es) => "Pedido o firma",
        (Order, En) => "Order or signature",
        (FollowUp, Es) => "Interés, con próximo paso",
        (FollowUp, En) => "Interest, next step agreed",
        (NoInterest, Es) => "Sin interés",
        (NoInterest, En) => "No interest",
        (NotAvailable, Es) => "No había nadie",
        (NotAvailable, En) => "Nobody available",
        (Other, Es) => "Otro",
        (Other, En) => "Other",
    }
}

fn expense(k: ExpenseKind, l: Locale) -> &'static str {
    use ExpenseKind::*;
    use Locale::*;
    match (k, l) {
        (Travel, Es) => "Desplazamiento",
        (Travel, En) => "Travel",
        (Other, Es) => "Otros gastos",
        (Other, En) => "Other expenses",
    }
}
