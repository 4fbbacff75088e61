//! The fee schedule (the review's M-9): filling the chain's blocks costs a participant a
//! meaningful amount, and so does every document it registers. The figures are printed for the README.

use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use sp_keyring::Sr25519Keyring::*;
use tradefin_primitives::trade::DocumentKind;
use tradefin_runtime::{configs::RuntimeBlockWeights, Runtime, RuntimeCall, SLOT_DURATION, UNIT};
use tradefin_tests::runtime::{issuer, new_test_ext};

type Payment = pallet_transaction_payment::Pallet<Runtime>;

fn tfn(plancks: u128) -> f64 {
	plancks as f64 / UNIT as f64
}

/// The fee of `call` in a transaction of `len` bytes, no tip.
fn fee(call: &RuntimeCall, len: u32) -> u128 {
	Payment::compute_fee(len, &call.get_dispatch_info(), 0)
}

#[test]
fn m9_a_full_block_and_every_document_cost_a_meaningful_amount() {
	new_test_ext("development").execute_with(|| {
		let weights = RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal).max_total.expect("a normal limit");
		let full_block = Payment::weight_to_fee(normal);
		// Filling the chain costs at least 10,000 TFN a minute of blocks: the bar set at 6 s
		// blocks (1,000 TFN a block), kept per unit of time when the blocks became 2 s long
		// with half the compute each.
		let blocks_a_minute = u128::from(60_000 / SLOT_DURATION);
		let full_minute = full_block * blocks_a_minute;
		assert!(
			full_minute >= 10_000 * UNIT,
			"a minute of full blocks costs {} TFN ({} TFN a block)",
			tfn(full_minute),
			tfn(full_block)
		);
		// The review's spam: a 3.5 MB remark.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 3_500_000] });
		let remark_fee = fee(&remark, 3_500_010);
		assert!(remark_fee >= 350 * UNIT, "a 3.5 MB remark costs {} TFN", tfn(remark_fee));
		// 32 documents registered in one call (the most a batch takes).
		let documents: Vec<_> = (0..32)
			.map(|i| {
				let number = format!("310120260000{i:06}");
				tradefin_test_utils::document(
					DocumentKind::ExportDeclaration,
					&number,
					issuer(Dave),
				)
				.currency(840)
				.face_value(1_000_000)
				.due_at(90 * tradefin_primitives::DAY_MS)
				.build()
			})
			.collect();
		let register = RuntimeCall::TradeCredit(pallet_trade_credit::Call::register_documents {
			owner: AliceStash.to_account_id(),
			documents: documents.try_into().expect("a full batch"),
		});
		let len = codec::Encode::encoded_size(&register) as u32 + 110;
		let per_document = fee(&register, len) / 32;
		assert!(per_document >= UNIT / 100, "a document costs {} TFN", tfn(per_document));
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Bob.to_account_id().into(),
			value: UNIT,
		});
		let transfer_fee = fee(&transfer, 140);
		println!(
			"fees: full normal block {:.1} TFN, a minute of them {:.1} TFN; 3.5 MB remark {:.1} TFN; a document registered \
			 (batch of 32) {:.4} TFN; a transfer {:.4} TFN",
			tfn(full_block),
			tfn(full_minute),
			tfn(remark_fee),
			tfn(per_document),
			tfn(transfer_fee)
		);
	});
}
