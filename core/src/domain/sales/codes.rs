//! Small enums of the sales module and their stored codes (snake_case strings).

/// Where an open or closed deal stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DealStatus {
    #[default]
    Open,
    Won,
    Lost,
}

/// The rep's call on an open deal, for the category forecast. A won deal counts as
/// [`ForecastCategory::Closed`] whatever is stored; a lost deal counts in none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ForecastCategory {
    #[default]
    Pipeline,
    BestCase,
    Commit,
    Closed,
}

impl ForecastCategory {
    /// Every category, in forecast order.
    pub const ALL: [ForecastCategory; 4] =
        [Self::Pipeline, Self::BestCase, Self::Commit, Self::Closed];
}

/// Why a deal was won or lost (the UI translates the code; details go in the close note).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CloseReason {
    Price,
    Product,
    Relationship,
    Service,
    Competitor,
    NoBudget,
    NoDecision,
    Timing,
    NoResponse,
    Other,
}

/// What an activity is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityKind {
    #[default]
    Task,
    Call,
    Meeting,
    Visit,
}

/// How a visit went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VisitOutcome {
    /// An order or a signature.
    Order,
    /// Interest, with a next step agreed.
    FollowUp,
    /// Nothing came of it.
    NoInterest,
    /// Nobody to see.
    NotAvailable,
    Other,
}

/// What a visit expense paid for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExpenseKind {
    /// Fuel, mileage, tolls, parking, tickets.
    #[default]
    Travel,
    Other,
}

/// A stored enum: its code in documents.
pub(crate) trait Code: Sized + Copy + 'static {
    const CODES: &'static [(Self, &'static str)];
}

/// The stored code of `v`.
pub(crate) fn code_of<T: Code + PartialEq>(v: T) -> &'static str {
    (T::CODES.iter())
        .find(|(c, _)| *c == v)
        .map_or("", |(_, s)| s)
}

/// The value stored as `s`, if any.
pub(crate) fn from_code<T: Code>(s: &str) -> Option<T> {
    T::CODES.iter().find(|(_, c)| *c == s).map(|(v, _)| *v)
}

impl Code for DealStatus {
    const CODES: &'static [(Self, &'static str)] = &[
        (Self::Open, "open"),
        (Self::Won, "won"),
        (Self::Lost, "lost"),
    ];
}

impl Code for ForecastCategory {
    const CODES: &'static [(Self, &'static str)] = &[
        (Self::Pipeline, "pipeline"),
        (Self::BestCase, "best_case"),
        (Self::Commit, "commit"),
        (Self::Closed, "closed"),
    ];
}

impl Code for CloseReason {
    const CODES: &'static [(Self, &'static str)] = &[
        (Self::Price, "price"),
        (Self::Product, "product"),
        (Self::Relationship, "relationship"),
        (Self::Service, "service"),
        (Self::Competitor, "competitor"),
        (Self::NoBudget, "no_budget"),
        (Self::NoDecision, "no_decision"),
        (Self::Timing, "timing"),
        (Self::NoResponse, "no_response"),
        (Self::Other, "other"),
    ];
}

impl Code for ActivityKind {
    const CODES: &'static [(Self, &'static str)] = &[
        (Self::Task, "task"),
        (Self::Call, "call"),
        (Self::Meeting, "meeting"),
        (Self::Visit, "visit"),
    ];
}

impl Code for VisitOutcome {
    const CODES: &'static [(Self, &'static str)] = &[
        (Self::Order, "order"),
        (Self::FollowUp, "follow_up"),
        (Self::NoInterest, "no_interest"),
        (Self::NotAvailable, "not_available"),
        (Self::Other, "other"),
    ];
}

impl Code for ExpenseKind {
    const CODES: &'static [(Self, &'static str)] =
        &[(Self::Travel, "travel"), (Self::Other, "other")];
}

macro_rules! code_methods {
    ($($t:ty),*) => {$(
        impl $t {
            /// The stable code stored in documents (and usable as an i18n key).
            pub fn code(self) -> &'static str {
                code_of(self)
            }
            /// The value of a stored code.
            pub fn from_code(s: &str) -> Option<Self> {
                from_code(s)
            }
        }
    )*};
}

code_methods!(
    DealStatus,
    ForecastCategory,
    CloseReason,
    ActivityKind,
    VisitOutcome,
    ExpenseKind
);
