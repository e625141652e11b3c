//! Messages of Settings › Lead routing (the routing rules editor). Exhaustive for es and en.

use std::borrow::Cow;

use cartera_core::domain::leads::{RouteKind, RoutingCode, RoutingFieldError};

use super::{Locale, Message};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoutingMsg {
    Title,
    Hint,
    ReadOnly,
    /// "Regla 2": the legend of a rule row.
    RuleN(usize),
    Condition,
    Kind(RouteKind),
    Regions,
    PostalPrefixes,
    Countries,
    Products,
    AssignTo,
    AssignHint,
    Fallback,
    FallbackHint,
    ListHint,
    /// Accessible names of a rule row's buttons, with its number.
    Up(usize),
    Down(usize),
    Remove(usize),
    Add,
    Saved,
    Restored,
    Error(RoutingFieldError),
}

fn pick(l: Locale, es: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match l {
        Locale::Es => es,
        Locale::En => en,
    })
}

fn numbered(l: Locale, es: &str, en: &str, n: usize) -> Cow<'static, str> {
    Cow::Owned(match l {
        Locale::Es => format!("{es} {n}"),
        Locale::En => format!("{en} {n}"),
    })
}

impl Message for RoutingMsg {
    fn text(&self, l: Locale) -> Cow<'static, str> {
        use RoutingMsg::*;
        match self {
            Title => pick(l, "Reparto de prospectos", "Lead routing"),
            Hint => pick(
                l,
                "Las reglas se prueban en orden; la primera que encaja asigna el prospecto.",
                "Rules are tried in order; the first that matches assigns the lead.",
            ),
            ReadOnly => pick(
                l,
                "Solo un responsable o un administrador puede cambiar el reparto.",
                "Only a manager or an admin can change lead routing.",
            ),
            RuleN(n) => numbered(l, "Regla", "Rule", *n),
            Condition => pick(l, "Condición", "Condition"),
            Kind(RouteKind::Territory) => pick(l, "Territorio", "Territory"),
            Kind(RouteKind::ProductInterest) => pick(l, "Interés en productos", "Product interest"),
            Kind(RouteKind::Always) => pick(l, "Todos los prospectos", "Every lead"),
            Regions => pick(l, "Provincias o regiones", "Provinces or regions"),
            PostalPrefixes => pick(
                l,
                "Códigos postales que empiezan por",
                "Postal codes starting with",
            ),
            Countries => pick(l, "Países (código ISO)", "Countries (ISO code)"),
            Products => pick(l, "Productos", "Products"),
            AssignTo => pick(l, "Asignar a", "Assign to"),
            AssignHint => pick(
                l,
                "Un usuario, o varios separados por comas para repartir por turnos.",
                "One user, or several separated by commas to take turns.",
            ),
            Fallback => pick(
                l,
                "Si ninguna regla encaja, asignar a",
                "When no rule matches, assign to",
            ),
            FallbackHint => pick(
                l,
                "Vacío: el prospecto se queda con quien lo captura.",
                "Empty: the lead stays with whoever captures it.",
            ),
            ListHint => pick(l, "Separados por comas.", "Separated by commas."),
            Up(n) => numbered(l, "Subir la regla", "Move up rule", *n),
            Down(n) => numbered(l, "Bajar la regla", "Move down rule", *n),
            Remove(n) => numbered(l, "Quitar la regla", "Remove rule", *n),
            Add => pick(l, "Añadir regla", "Add rule"),
            Saved => pick(l, "Reparto guardado", "Routing saved"),
            Restored => pick(l, "Reparto restaurado", "Routing restored"),
            Error(e) => match e.code {
                RoutingCode::Required => pick(l, "Obligatorio.", "Required."),
                RoutingCode::TooLong => pick(l, "Demasiado largo.", "Too long."),
                RoutingCode::TooMany => pick(l, "Demasiadas reglas.", "Too many rules."),
            },
        }
    }
}
