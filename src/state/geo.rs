//! The device's location, asked for only when the rep agrees (the visit screen's "Use my
//! location"). Never blocks a check-in: a denial, a missing sensor or a slow fix is an error
//! the caller shows, and the visit is saved with the time alone.

use cartera_core::domain::sales::GeoPoint;
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::PositionOptions;

/// How long the device may take for a fix.
const FIX_TIMEOUT_MS: u32 = 10_000;
/// How long we wait in all, including an unanswered permission prompt.
const HARD_TIMEOUT_MS: i32 = 15_000;

/// Why there is no location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoError {
    /// The user or the browser refused permission.
    Denied,
    /// No geolocation on this device, or no fix.
    Unavailable,
    /// No answer in time.
    Timeout,
}

/// The current position, or why not.
pub async fn current_position() -> Result<GeoPoint, GeoError> {
    let window = web_sys::window().ok_or(GeoError::Unavailable)?;
    let geo = (window.navigator().geolocation()).map_err(|_| GeoError::Unavailable)?;
    let fix = Promise::new(&mut |resolve, reject| {
        let opts = PositionOptions::new();
        opts.set_timeout(FIX_TIMEOUT_MS);
        opts.set_maximum_age(60_000);
        opts.set_enable_high_accuracy(true);
        if geo
            .get_current_position_with_error_callback_and_options(&resolve, Some(&reject), &opts)
            .is_err()
        {
            let _ = reject.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    let deadline = Promise::new(&mut |resolve, _| {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, HARD_TIMEOUT_MS);
    });
    match JsFuture::from(Promise::race(&Array::of2(&fix, &deadline))).await {
        Ok(v) if v.is_undefined() => Err(GeoError::Timeout),
        Ok(position) => point(&position).ok_or(GeoError::Unavailable),
        // GeolocationPositionError.code: 1 denied, 2 unavailable, 3 timeout.
        Err(e) => Err(match number(&e, "code") {
            Some(1.0) => GeoError::Denied,
            Some(3.0) => GeoError::Timeout,
            _ => GeoError::Unavailable,
        }),
    }
}

fn number(v: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(v, &JsValue::from_str(key)).ok()?.as_f64()
}

fn point(position: &JsValue) -> Option<GeoPoint> {
    let c = Reflect::get(position, &JsValue::from_str("coords")).ok()?;
    GeoPoint::from_degrees(
        number(&c, "latitude")?,
        number(&c, "longitude")?,
        number(&c, "accuracy"),
    )
}
