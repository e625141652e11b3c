//! Messages of Settings › Lead scoring (the scoring rules editor). Exhaustive for es and en.

use std::borrow::Cow;

use cartera_core::domain::leads::{
    Condition, ConditionKind, LeadSource, ScoringCode, ScoringFieldError,
};

use super::{Locale, Message, TodayMsg, source_text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoringMsg {
    Title,
    Hint,
    ReadOnly,
    /// A rule's legend: what its condition asks (values as stored).
    Rule(Condition),
    /// The legend of a rule not saved yet.
    NewRule,
    /// The condition kind select's label, and each kind.
    Condition,
    Kind(ConditionKind),
    /// The list field's label for a kind of condition.
    List(ConditionKind),
    ListHint,
    Employees,
    Days,
    DaysOptional,
    AtLeast,
    ActivityKind,
    AnyActivity,
    Campaign,
    CampaignHint,
    Points,
    On,
    /// The remove button's accessible name, with the rule's legend.
    Remove(String),
    Add,
    Error(ScoringFieldError),
    /// Saved, and how many leads were scored again.
    Saved(usize),
    Restored,
}

fn pick(l: Locale, es: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match l {
        Locale::Es => es,
        Locale::En => en,
    })
}

fn rule(c: &Condition, l: Locale) -> String {
    use Condition::*;
    let es = l == Locale::Es;
    let list = |label_es: &str, label_en: &str, items: &[String]| {
        format!(
            "{}: {}",
            if es { label_es } else { label_en },
            items.join(", ")
        )
    };
    let any_campaign = || pick(l, "cualquier campaña", "any campaign").into_owned();
    match c {
        IndustryIs { industries } => list("Sector", "Industry", industries),
        RegionIn { regions } => list("Provincia o región", "Province or region", regions),
        CountryIn { countries } => list("País", "Country", countries),
        PostalCodeStarts { prefixes } => list("Código postal", "Postal code", prefixes),
        InterestIn { products } => list("Interés en", "Interested in", products),
        JobTitleHas { words } => list("Cargo con", "Job title with", words),
        SourceIs {
            source: LeadSource::Campaign(c),
        } if c == "*" => list("Origen", "Source", &[any_campaign()]),
        SourceIs { source } => list("Origen", "Source", &[source_text(source, l)]),
        SizeAtLeast { employees: n } if es => format!("{n} empleados o más"),
        SizeAtLeast { employees: n } => format!("{n} employees or more"),
        SizeBelow { employees: n } if es => format!("Menos de {n} empleados"),
        SizeBelow { employees: n } => format!("Fewer than {n} employees"),
        ActivityWithin {
            kind,
            days,
            at_least,
        } => {
            let what =
                kind.map_or_else(String::new, |k| format!(" ({})", TodayMsg::Kind(k).text(l)));
            match (es, *at_least <= 1) {
                (true, true) => format!("Alguna actividad{what} en los últimos {days} días"),
                (true, false) => {
                    format!("Al menos {at_least} actividades{what} en los últimos {days} días")
                }
                (false, true) => format!("An activity{what} in the last {days} days"),
                (false, false) => {
                    format!("At least {at_least} activities{what} in the last {days} days")
                }
            }
        }
        NoActivityWithin { days } if es => format!("Sin actividad en los últimos {days} días"),
        NoActivityWithin { days } => format!("No activity in the last {days} days"),
        CampaignResponded { campaign, days } => {
            let name = campaign.clone().unwrap_or_else(any_campaign);
            let head = list("Respuesta a campaña", "Campaign response", &[name]);
            match (days, es) {
                (None, _) => head,
                (Some(d), true) => format!("{head}, en los últimos {d} días"),
                (Some(d), false) => format!("{head}, in the last {d} days"),
            }
        }
    }
}

fn kind(k: ConditionKind, l: Locale) -> Cow<'static, str> {
    use ConditionKind::*;
    match k {
        IndustryIs => pick(l, "Sector", "Industry"),
        SizeAtLeast => pick(l, "Empleados, como mínimo", "Employees, at least"),
        SizeBelow => pick(l, "Empleados, menos de", "Employees, fewer than"),
        RegionIn => pick(l, "Provincia o región", "Province or region"),
        CountryIn => pick(l, "País", "Country"),
        PostalCodeStarts => pick(l, "Código postal", "Postal code"),
        SourceIs => pick(l, "Origen", "Source"),
        InterestIn => pick(l, "Interés en productos", "Product interest"),
        JobTitleHas => pick(l, "Cargo", "Job title"),
        ActivityWithin => pick(l, "Actividad reciente", "Recent activity"),
        NoActivityWithin => pick(l, "Sin actividad reciente", "No recent activity"),
        CampaignResponded => pick(l, "Respuesta a campaña", "Campaign response"),
    }
}

fn list_label(k: ConditionKind, l: Locale) -> Cow<'static, str> {
    use ConditionKind::*;
    match k {
        RegionIn => pick(l, "Provincias o regiones", "Provinces or regions"),
        CountryIn => pick(l, "Países (código ISO)", "Countries (ISO code)"),
        PostalCodeStarts => pick(
            l,
            "Códigos postales que empiezan por",
            "Postal codes starting with",
        ),
        InterestIn => pick(l, "Productos", "Products"),
        JobTitleHas => pick(l, "Palabras del cargo", "Job title words"),
        _ => pick(l, "Sectores", "Industries"),
    }
}

fn error(e: &ScoringFieldError, l: Locale) -> Cow<'static, str> {
    match e.code {
        ScoringCode::Required => pick(l, "Obligatorio.", "Required."),
        ScoringCode::Range { min, max } => Cow::Owned(match l {
            Locale::Es => format!("Un número entero de {min} a {max}."),
            Locale::En => format!("A whole number from {min} to {max}."),
        }),
        ScoringCode::Country => pick(
            l,
            "Códigos de país de dos letras, como ES o MX.",
            "Two-letter country codes, such as ES or MX.",
        ),
        ScoringCode::TooLong => pick(l, "Demasiado largo.", "Too long."),
        ScoringCode::TooMany => pick(l, "Demasiadas reglas.", "Too many rules."),
    }
}

impl Message for ScoringMsg {
    fn text(&self, l: Locale) -> Cow<'static, str> {
        use ScoringMsg::*;
        match self {
            Title => pick(l, "Puntuación de prospectos", "Lead scoring"),
            Hint => pick(
                l,
                "Cada regla que cumple un prospecto suma (o resta) sus puntos. Al guardar, los prospectos se puntúan de nuevo.",
                "Each rule a lead meets adds (or takes away) its points. Saving scores the leads again.",
            ),
            ReadOnly => pick(
                l,
                "Solo un responsable o un administrador puede cambiar la puntuación.",
                "Only a manager or an admin can change scoring.",
            ),
            Rule(c) => Cow::Owned(rule(c, l)),
            NewRule => pick(l, "Regla nueva", "New rule"),
            Condition => pick(l, "Condición", "Condition"),
            Kind(k) => kind(*k, l),
            List(k) => list_label(*k, l),
            ListHint => pick(l, "Separados por comas.", "Separated by commas."),
            Employees => pick(l, "Empleados", "Employees"),
            Days => pick(l, "En los últimos (días)", "In the last (days)"),
            DaysOptional => pick(
                l,
                "En los últimos (días; vacío: siempre)",
                "In the last (days; empty: ever)",
            ),
            AtLeast => pick(l, "Como mínimo (actividades)", "At least (activities)"),
            ActivityKind => pick(l, "Tipo de actividad", "Activity kind"),
            AnyActivity => pick(l, "Cualquiera", "Any"),
            Campaign => pick(l, "Campaña", "Campaign"),
            CampaignHint => pick(l, "Vacío: cualquier campaña.", "Empty: any campaign."),
            Points => pick(l, "Puntos", "Points"),
            On => pick(l, "Activa", "On"),
            Remove(what) => Cow::Owned(match l {
                Locale::Es => format!("Quitar la regla «{what}»"),
                Locale::En => format!("Remove the rule “{what}”"),
            }),
            Add => pick(l, "Añadir regla", "Add rule"),
            Error(e) => error(e, l),
            Saved(n) => Cow::Owned(match (l, *n) {
                (Locale::Es, 0) => "Puntuación guardada".into(),
                (Locale::Es, 1) => "Puntuación guardada; 1 prospecto puntuado de nuevo".into(),
                (Locale::Es, n) => {
                    format!("Puntuación guardada; {n} prospectos puntuados de nuevo")
                }
                (Locale::En, 0) => "Scoring saved".into(),
                (Locale::En, 1) => "Scoring saved; 1 lead scored again".into(),
                (Locale::En, n) => format!("Scoring saved; {n} leads scored again"),
            }),
            Restored => pick(l, "Puntuación restaurada", "Scoring restored"),
        }
    }
}
