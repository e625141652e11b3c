//! The rules used until the team stores its own (see the parent module's docs).

use cartera_core::domain::leads::{
    AssignTo, Condition, LeadSource, RouteWhen, RoutingRule, RoutingRules, ScoringRule,
    ScoringRules,
};

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn rule(id: &str, points: i32, condition: Condition) -> ScoringRule {
    ScoringRule {
        id: id.into(),
        condition,
        points,
        enabled: true,
    }
}

/// The scoring rules used until the team stores its own (see the module docs).
pub fn default_scoring_rules() -> ScoringRules {
    let industries = list(&[
        "Industria",
        "Acero",
        "Metalurgia",
        "Manufactura",
        "Logística",
        "Alimentación",
        "Construcción",
    ]);
    let titles = list(&[
        "director",
        "gerente",
        "jefe",
        "ceo",
        "socio",
        "manager",
        "owner",
        "responsable",
    ]);
    ScoringRules {
        rules: vec![
            rule("sector", 20, Condition::IndustryIs { industries }),
            rule("size-50", 15, Condition::SizeAtLeast { employees: 50 }),
            rule(
                "referral",
                15,
                Condition::SourceIs {
                    source: LeadSource::Referral,
                },
            ),
            rule(
                "decision-maker",
                10,
                Condition::JobTitleHas { words: titles },
            ),
            rule(
                "big-cities",
                10,
                Condition::RegionIn {
                    regions: list(&["Madrid", "Barcelona"]),
                },
            ),
            rule(
                "event",
                10,
                Condition::SourceIs {
                    source: LeadSource::Event,
                },
            ),
            rule(
                "products",
                10,
                Condition::InterestIn {
                    products: list(&["pro", "enterprise"]),
                },
            ),
            rule(
                "engaged",
                10,
                Condition::ActivityWithin {
                    kind: None,
                    days: 14,
                    at_least: 1,
                },
            ),
            rule("size-small", -5, Condition::SizeBelow { employees: 10 }),
        ],
        meta: Default::default(),
    }
}

fn territory(id: &str, regions: &[&str], postal: &[&str], owner: &str) -> RoutingRule {
    RoutingRule {
        id: id.into(),
        when: RouteWhen::Territory {
            regions: list(regions),
            postal_prefixes: list(postal),
            countries: Vec::new(),
        },
        assign: AssignTo::User(owner.into()),
    }
}

/// The routing rules used until the team stores its own (see the module docs).
pub fn default_routing_rules() -> RoutingRules {
    let north = [
        "Galicia",
        "A Coruña",
        "Lugo",
        "Ourense",
        "Pontevedra",
        "Asturias",
        "Cantabria",
        "País Vasco",
        "Bizkaia",
        "Vizcaya",
        "Gipuzkoa",
        "Guipúzcoa",
        "Álava",
        "Araba",
        "Navarra",
    ];
    let catalonia = [
        "Cataluña",
        "Catalunya",
        "Barcelona",
        "Girona",
        "Lleida",
        "Tarragona",
    ];
    let south = [
        "Andalucía",
        "Sevilla",
        "Málaga",
        "Cádiz",
        "Granada",
        "Córdoba",
        "Huelva",
        "Jaén",
        "Almería",
    ];
    let mut madrid = territory("territorio-madrid", &["Madrid"], &[], "lucia");
    let madrid_postal = territory("territorio-madrid-cp", &[], &["28"], "lucia");
    if let RouteWhen::Territory { regions, .. } = &mut madrid.when {
        regions.push("Comunidad de Madrid".into());
    }
    RoutingRules {
        rules: vec![
            territory("territorio-norte", &north, &[], "javier"),
            territory("territorio-cataluna", &catalonia, &[], "marta"),
            madrid,
            madrid_postal,
            territory("territorio-sur", &south, &[], "diego"),
            RoutingRule {
                id: "equipo-interno".into(),
                when: RouteWhen::Always,
                assign: AssignTo::RoundRobin(list(&["camila", "andres"])),
            },
        ],
        fallback_owner: String::new(),
        meta: Default::default(),
    }
}
