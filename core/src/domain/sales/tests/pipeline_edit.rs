//! The pipeline editor's rules: an edited pipeline's validation and the stages it may not drop.

use super::*;

fn row(id: &str, name: &str, p: &str) -> StageInput {
    StageInput {
        id: id.into(),
        name: name.into(),
        probability: p.into(),
    }
}

fn edit(p: &Pipeline, input: &PipelineInput) -> Result<Pipeline, Vec<SalesFieldError>> {
    let all = [p.clone()];
    validate_pipeline(
        input,
        p.id.clone(),
        Some(p),
        &all,
        at(2026, 2, 1, 0, 0),
        "marta",
    )
}

fn codes(errors: &[SalesFieldError]) -> Vec<(SalesField, SalesCode)> {
    errors.iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn an_edited_pipeline_keeps_its_ids_owner_and_creation_and_takes_new_words_and_order() {
    let old = pipeline();
    let mut input = PipelineInput::from(&old);
    assert_eq!(input.stages[1], row("offer", "Propuesta", "35"));
    input.name = "Ventas España".into();
    input.stages[1].name = "Oferta enviada".into();
    input.stages[1].probability = "40 %".into();
    input.stages.swap(1, 2);
    let p = edit(&old, &input).expect("valid");
    let got: Vec<(&str, &str, u8)> = (p.stages.iter())
        .map(|s| (s.id.as_str(), s.name.as_str(), s.probability))
        .collect();
    assert_eq!(
        got,
        [
            ("lead", "Prospección", 10),
            ("nego", "Negociación", 60),
            ("offer", "Oferta enviada", 40)
        ]
    );
    assert_eq!((p.id.as_str(), p.name.as_str()), ("p1", "Ventas España"));
    assert_eq!(p.owner, "admin");
    assert_eq!(p.meta.created_by, "admin");
    assert_eq!(p.meta.updated_by, "marta");
    assert!(p.is_default);
}

#[test]
fn stage_names_are_unique_ignoring_case_and_accents() {
    let old = pipeline();
    let mut input = PipelineInput::from(&old);
    input.stages[2].name = "  prospeccion ".into();
    let errors = edit(&old, &input).expect_err("duplicate name");
    assert_eq!(
        codes(&errors),
        [(SalesField::StageName(2), SalesCode::Duplicate)]
    );
}

#[test]
fn a_pipeline_needs_a_name_a_stage_and_probabilities_from_0_to_100() {
    let old = pipeline();
    let input = PipelineInput {
        name: " ".into(),
        stages: vec![StageInput::default()],
        is_default: true,
    };
    let errors = edit(&old, &input).expect_err("empty");
    assert_eq!(
        codes(&errors),
        [
            (SalesField::Name, SalesCode::Required),
            (SalesField::Stages, SalesCode::Required)
        ]
    );
    let input = PipelineInput {
        name: "Ventas".into(),
        stages: vec![row("lead", "Prospección", "-1"), row("", "Cierre", "101")],
        is_default: true,
    };
    let errors = edit(&old, &input).expect_err("bad percents");
    assert_eq!(
        codes(&errors),
        [
            (SalesField::StageProbability(0), SalesCode::InvalidPercent),
            (SalesField::StageProbability(1), SalesCode::InvalidPercent)
        ]
    );
}

#[test]
fn a_new_stage_never_takes_the_id_of_a_removed_one() {
    let mut old = pipeline();
    old.stages[0].id = "s1".into();
    old.stages[1].id = "s2".into();
    let mut input = PipelineInput::from(&old);
    input.stages.remove(1);
    input.stages.push(row("", "Firma", "90"));
    let p = edit(&old, &input).expect("valid");
    let ids: Vec<&str> = p.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "nego", "s3"]);
}

#[test]
fn removing_a_stage_with_open_deals_is_reported_with_their_count() {
    let old = pipeline();
    let d = |id: &str, stage: &str, status| {
        let mut x = deal(id, "ana", eur(100), day(2026, 6, 1), at(2026, 1, 1, 0, 0));
        x.stage_id = stage.into();
        x.status = status;
        x
    };
    let mut other = d("d9", "offer", DealStatus::Open);
    other.pipeline_id = "p2".into();
    let deals = [
        d("d1", "offer", DealStatus::Open),
        d("d2", "offer", DealStatus::Open),
        d("d3", "offer", DealStatus::Won),
        d("d4", "nego", DealStatus::Lost),
        d("d5", "lead", DealStatus::Open),
        other,
    ];
    let mut input = PipelineInput::from(&old);
    input.stages.retain(|s| s.id == "lead");
    let new = edit(&old, &input).expect("valid");
    assert_eq!(
        stages_in_use(&old, &new, &deals),
        [StageInUse {
            stage_id: "offer".into(),
            name: "Propuesta".into(),
            open_deals: 2
        }]
    );
    // Renaming or reordering drops nothing.
    assert!(stages_in_use(&old, &old, &deals).is_empty());
}

#[test]
fn deals_at_a_stage_default_follow_its_new_probability_and_hand_set_ones_stay() {
    let old = pipeline();
    let mut input = PipelineInput::from(&old);
    input.stages[0].probability = "20".into();
    input.stages[1].name = "Oferta".into();
    let new = edit(&old, &input).expect("valid");
    let d = |id: &str, stage: &str, p: u8, status| {
        let mut x = deal(id, "ana", eur(100), day(2026, 6, 1), at(2026, 1, 1, 0, 0));
        (x.stage_id, x.probability, x.status) = (stage.into(), p, status);
        x
    };
    let deals = [
        d("d1", "lead", 10, DealStatus::Open),
        d("d2", "lead", 15, DealStatus::Open),
        d("d3", "lead", 10, DealStatus::Lost),
        d("d4", "offer", 35, DealStatus::Open),
    ];
    let now = at(2026, 2, 1, 0, 0);
    let moved = follow_stage_probabilities(&old, &new, &deals, now, "marta");
    let got: Vec<(&str, u8, &str)> = (moved.iter())
        .map(|d| (d.id.as_str(), d.probability, d.meta.updated_by.as_str()))
        .collect();
    assert_eq!(got, [("d1", 20, "marta")]);
    // Undoing the edit puts it back.
    let back = follow_stage_probabilities(&new, &old, &moved, now, "marta");
    assert_eq!(back[0].probability, 10);
}

#[test]
fn a_new_pipeline_needs_a_name_no_other_pipeline_has() {
    let team = [pipeline()];
    let input = PipelineInput {
        name: " ventas ".into(),
        stages: vec![row("", "Contacto", "20")],
        is_default: false,
    };
    let now = at(2026, 2, 1, 0, 0);
    let errors =
        validate_pipeline(&input, "p2".into(), None, &team, now, "marta").expect_err("taken name");
    assert_eq!(codes(&errors), [(SalesField::Name, SalesCode::Duplicate)]);
    let input = PipelineInput {
        name: "Grandes cuentas".into(),
        ..input
    };
    let p = validate_pipeline(&input, "p2".into(), None, &team, now, "marta").expect("valid");
    assert_eq!((p.owner.as_str(), p.is_default), ("marta", false));
    assert_eq!(p.stages[0].id, "s1");
}

#[test]
fn a_pipeline_with_deals_the_default_and_the_last_one_are_never_deleted() {
    let default = pipeline();
    let mut big = pipeline();
    (big.id, big.name, big.is_default) = ("p2".into(), "Grandes cuentas".into(), false);
    let in_big = |id: &str, status| {
        let mut d = deal(id, "ana", eur(100), day(2026, 6, 1), at(2026, 1, 1, 0, 0));
        (d.pipeline_id, d.status) = ("p2".into(), status);
        d
    };
    let team = [default.clone(), big];
    let deals = [
        in_big("d1", DealStatus::Open),
        in_big("d2", DealStatus::Won),
    ];
    assert_eq!(
        check_pipeline_delete("p2", &team, &deals),
        Err(PipelineDeleteError::HasDeals(2))
    );
    assert_eq!(check_pipeline_delete("p2", &team, &[]), Ok(()));
    assert_eq!(
        check_pipeline_delete("p1", &team, &[]),
        Err(PipelineDeleteError::Default)
    );
    // The only pipeline left, even when not marked default.
    let mut alone = team[1].clone();
    alone.is_default = false;
    assert_eq!(
        check_pipeline_delete("p2", &[alone], &[]),
        Err(PipelineDeleteError::Default)
    );
}
