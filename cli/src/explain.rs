//! What refusals mean: the transaction pool's codes, and the runtime's errors named from this
//! CLI's metadata with their documentation.

use pallet_enterprise_identity::rejection;

/// The custom code in a pool refusal's text (`... custom error: 102`, `Custom(102)`, ...).
pub fn custom_code(message: &str) -> Option<u8> {
	let lower = message.to_ascii_lowercase();
	let start = ["custom error: ", "custom("]
		.iter()
		.find_map(|marker| lower.find(marker).map(|i| i + marker.len()))?;
	let digits: String = lower.get(start..)?.chars().take_while(char::is_ascii_digit).collect();
	digits.parse().ok()
}

/// A pool refusal explained: the participant check's code with its meaning, or the pool's own
/// words (bad nonce, fees, an outdated transaction ...).
pub fn pool_refusal(message: &str) -> String {
	match custom_code(message) {
		Some(code) => match rejection::explain(code) {
			Some(why) => format!("refused by the transaction pool (code {code}): {why}"),
			None => format!("refused by the transaction pool (code {code}): {message}"),
		},
		None => format!("refused by the transaction pool: {message}"),
	}
}

/// `Pallet::Error: its documentation`.
pub fn named(pallet: &str, error: &str, docs: &[String]) -> String {
	format!("{pallet}::{error}: {}", docs.join(" ").trim())
}

/// `Pallet::Error: its documentation` of an error the runtime returned (a runtime API's
/// answer), named from this CLI's runtime metadata.
pub fn dispatch_error(error: &sp_runtime::DispatchError) -> String {
	match error {
		sp_runtime::DispatchError::Module(m) => {
			let metadata = crate::chain::embedded();
			let pallet = metadata.pallet_by_error_index(m.index);
			let variant = pallet.and_then(|p| p.error_variant_by_index(m.error[0]));
			match (pallet, variant) {
				(Some(p), Some(v)) => named(p.name(), &v.name, &v.docs),
				_ => format!("an error of pallet index {} this CLI does not know", m.index),
			}
		}
		other => format!("{other:?}"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_participant_check_s_codes_are_explained() {
		assert_eq!(custom_code("Invalid transaction with custom error: 102"), Some(102));
		assert_eq!(custom_code("Invalid(Custom(100))"), Some(100));
		assert_eq!(custom_code("Inability to pay some fees"), None);
		let text = pool_refusal("Invalid transaction with custom error: 102");
		assert!(text.contains("code 102") && text.contains("suspended"), "{text}");
		assert!(pool_refusal("Transaction is outdated").ends_with("Transaction is outdated"));
	}

	#[test]
	fn a_runtime_error_is_named_with_its_documentation() {
		let error: sp_runtime::DispatchError =
			pallet_hedging::Error::<tradefin_runtime::Runtime>::NotOffered.into();
		assert_eq!(
			dispatch_error(&error),
			"Hedging::NotOffered: The forward is live: it is no longer an offer."
		);
	}
}
