//! Back to the chain: a detection at or above its threshold is filed on chain with
//! `Supervision::report_finding(subject, FindingCode(detector code), score, evidence hash)`,
//! signed by an analyst the regulator authorized, **once per finding**: the database remembers
//! each filed (code, subject, evidence hash) with the block it is in, and a finding already
//! there is not filed again. The score is the detection's in thousandths; the evidence hash
//! commits to the records behind it ([`Detection::evidence_hash`]). The memory is the
//! database's: a process stopped between the finalized block and its row, or a fresh
//! database, files the finding again, and the chain folds it into the subject's open alert of
//! that rule as a repeat (`AlertRepeated`), one alert still.

use crate::{
	detectors::Detection,
	indexer::{chain, IndexError, Store},
};
use subxt::{
	dynamic::{self, Value},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;

/// What became of a detection.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Filing {
	/// Filed now, in the finalized block of this hash.
	Filed { block: String },
	/// Filed before, in this block: not filed again.
	AlreadyFiled { block: String },
	/// Under its detector's threshold: not a finding.
	BelowThreshold,
}

/// Files `detection` on chain, signed by `analyst`, unless it is below its threshold or was
/// filed before; waits for its block to be finalized and the call to succeed.
pub async fn report(
	api: &OnlineClient<SubstrateConfig>,
	store: &mut Store,
	analyst: &Keypair,
	detection: &Detection,
) -> Result<Filing, IndexError> {
	if detection.score < detection.threshold || detection.score.is_nan() {
		return Ok(Filing::BelowThreshold);
	}
	let code = detection.detector.code();
	let subject = format!("0x{}", hex::encode(detection.subject.0));
	let evidence = detection.evidence_hash();
	let evidence_hex = format!("0x{}", hex::encode(evidence));
	if let Some(block) = store.finding(code, &subject, &evidence_hex).await? {
		return Ok(Filing::AlreadyFiled { block });
	}
	let tx = dynamic::transaction(
		"Supervision",
		"report_finding",
		vec![
			Value::from_bytes(detection.subject.0),
			Value::unnamed_composite([Value::u128(code.into())]),
			Value::u128(detection.chain_score().into()),
			Value::from_bytes(evidence),
		],
	);
	let at = api.at_current_block().await.map_err(chain)?;
	let progress =
		at.transactions().sign_and_submit_then_watch_default(&tx, analyst).await.map_err(chain)?;
	let in_block = progress.wait_for_finalized().await.map_err(chain)?;
	in_block.wait_for_success().await.map_err(chain)?;
	let block = format!("{:?}", in_block.block_hash());
	store.record_finding(code, &subject, &evidence_hex, detection.chain_score(), &block).await?;
	Ok(Filing::Filed { block })
}
