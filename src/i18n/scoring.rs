//! Messages of Settings › Lead scoring (the scoring rules editor). Exhaustive for es and en.

use std::borrow::Cow;

use cartera_core::domain::leads::Condition;

use super::{Locale, Message, source_text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoringMsg {
    Title,
    Hint,
    ReadOnly,
    /// A rule's legend: what its condition asks (values as stored).
    Rule(Condition),
    Points,
    On,
    /// The remove button's accessible name, with the rule's legend.
    Remove(String),
    PointsError,
    Saved,
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
    let (label, what) = match c {
        IndustryIs { industries } => (
            if es { "Sector" } else { "Industry" },
            industries.join(", "),
        ),
        SizeAtLeast { employees } => (
            if es {
                "Empleados, al menos"
            } else {
                "Employees, at least"
            },
            employees.to_string(),
        ),
        SizeBelow { employees } => (
            if es {
                "Empleados, menos de"
            } else {
                "Employees, fewer than"
            },
            employees.to_string(),
        ),
        RegionIn { regions } => (
            if es {
                "Provincia o región"
            } else {
                "Province or region"
            },
            regions.join(", "),
        ),
        CountryIn { countries } => (if es { "País" } else { "Country" }, countries.join(", ")),
        PostalCodeStarts { prefixes } => (
            if es { "Código postal" } else { "Postal code" },
            prefixes.join(", "),
        ),
        SourceIs { source } => (if es { "Origen" } else { "Source" }, source_text(source, l)),
        InterestIn { products } => (
            if es { "Interés en" } else { "Interested in" },
            products.join(", "),
        ),
        JobTitleHas { words } => (
            if es { "Cargo con" } else { "Job title with" },
            words.join(", "),
        ),
        ActivityWithin { days, at_least, .. } => (
            if es {
                "Actividades (mínimo) en días"
            } else {
                "Activities (at least) in days"
            },
            format!("{at_least} / {days}"),
        ),
        NoActivityWithin { days } => (
            if es {
                "Sin actividad en días"
            } else {
                "No activity in days"
            },
            days.to_string(),
        ),
        CampaignResponded { campaign, .. } => (
            if es {
                "Respuesta a campaña"
            } else {
                "Campaign response"
            },
            campaign.clone().unwrap_or_default(),
        ),
    };
    match what.is_empty() {
        true => label.to_owned(),
        false => format!("{label}: {what}"),
    }
}

impl Message for ScoringMsg {
    fn text(&self, l: Locale) -> Cow<'static, str> {
        use ScoringMsg::*;
        match self {
            Title => pick(l, "Puntuación de prospectos", "Lead scoring"),
            Hint => pick(
                l,
                "Cada regla que cumple un prospecto suma (o resta) sus puntos.",
                "Each rule a lead meets adds (or takes away) its points.",
            ),
            ReadOnly => pick(
                l,
                "Solo un responsable o un administrador puede cambiar la puntuación.",
                "Only a manager or an admin can change scoring.",
            ),
            Rule(c) => Cow::Owned(rule(c, l)),
            Points => pick(l, "Puntos", "Points"),
            On => pick(l, "Activa", "On"),
            Remove(what) => Cow::Owned(match l {
                Locale::Es => format!("Quitar la regla «{what}»"),
                Locale::En => format!("Remove the rule “{what}”"),
            }),
            PointsError => pick(
                l,
                "Un número entero de -1000 a 1000.",
                "A whole number from -1000 to 1000.",
            ),
            Saved => pick(l, "Puntuación guardada", "Scoring saved"),
            Restored => pick(l, "Puntuación restaurada", "Scoring restored"),
        }
    }
}
