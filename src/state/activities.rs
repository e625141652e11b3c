//! Activities as Today and the record timelines read them (with the documents they were read
//! from, so a done/undone toggle writes over the right revision), and that toggle.

use crate::state::{Res, resource};
use std::collections::HashMap;
use std::sync::Arc;

use cartera_core::domain::sales::{ACTIVITY_TYPE, Activity, ActivityKind, set_done};
use cartera_core::store::Doc;
use chrono::Utc;

use super::CurrentUser;
use super::Store;
use super::leads::{edit, load_all, rescore_lead, save_error_message, write_batch};
use super::records::WriteCtx;
use crate::i18n::{ErrorMsg, TodayMsg};

/// Every live activity, and its document by id.
#[derive(Clone, Debug, PartialEq)]
pub struct Activities {
    pub list: Arc<Vec<Activity>>,
    pub docs: Arc<HashMap<String, Doc>>,
}

/// Every activity, reloaded when the data version moves (ONE resource type for Today and the
/// timelines: each distinct `LocalResource` closure is its own copy of the async plumbing).
pub fn activities_resource() -> Res<Result<Activities, ErrorMsg>> {
    let (store, version) = (super::expect_store(), super::expect_data_version());
    resource(move || {
        version.track();
        let store = store.clone();
        async move { load_activities(&store).await }
    })
}

async fn load_activities(store: &Store) -> Result<Activities, ErrorMsg> {
    let docs = load_all(store, ACTIVITY_TYPE, |d| Ok(d.clone())).await?;
    let list = docs
        .iter()
        .filter_map(|d| Activity::from_doc(d).ok())
        .collect();
    let docs = docs.into_iter().map(|d| (d.id.clone(), d)).collect();
    Ok(Activities {
        list: Arc::new(list),
        docs: Arc::new(docs),
    })
}

/// Saves `a` (read from `doc`) done or to do again by `user`, then bumps the data version and
/// says so; a refused write is toasted. Its lead, if any, is scored again (engagement changed).
pub fn save_done(
    ctx: WriteCtx,
    store: Store,
    doc: &Doc,
    a: &Activity,
    done: bool,
    user: CurrentUser,
) {
    let next = set_done(a, done, Utc::now(), &user.id());
    let edits = vec![edit(&doc.id, Some(doc.rev.clone()), next.to_body())];
    leptos::task::spawn_local(async move {
        match write_batch(&store, edits).await {
            Ok(_) => {
                if let Some(lead) = &next.lead_id {
                    rescore_lead(&store, lead, &user).await;
                }
                ctx.version.bump();
                let msg = match done {
                    true => TodayMsg::MarkedDone,
                    false => TodayMsg::MarkedUndone,
                };
                ctx.toasts.show(ctx.i18n.t(msg), None);
            }
            Err(e) => ctx.toasts.error(ctx.i18n.t(save_error_message(e))),
        }
    });
}

/// Where an activity opens: a visit's screen, or the activity form.
pub fn activity_href(a: &Activity) -> String {
    match a.kind {
        ActivityKind::Visit => format!("/visits/{}", a.id),
        _ => format!("/activities/{}/edit", a.id),
    }
}
