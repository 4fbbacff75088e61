//! The participants of the load, set up idempotently: each load account is funded with TFN by
//! the funder, applies as an enterprise and is approved by the bank (KYC). An account already
//! active is left as it is; one suspended or revoked stops the run.

use scale_decode::DecodeAsType;

use crate::{
	calls::{self, TFN},
	cast::{id, Cast},
	phase::{Item, Runner},
	Error,
};

/// TFN a load account receives when it has less than [`LOW`]: the application deposit (100
/// TFN, held until approval) and the fees of a few hundred transactions (a `mix` run of 100
/// transactions an account ran 150 TFN out: its payments and registrations cost more than
/// transfers, and one refused for fees strands the account's later nonces).
const FUNDING: u128 = 600 * TFN;
/// Below this free balance a load account is funded.
const LOW: u128 = 450 * TFN;
/// The jurisdictions the load enterprises are registered in, by account index.
const JURISDICTIONS: [[u8; 2]; 6] = [*b"CN", *b"HK", *b"SG", *b"DE", *b"US", *b"VN"];

#[derive(Debug, PartialEq, DecodeAsType)]
enum Status {
	Pending,
	Active,
	Suspended,
	Revoked,
}

#[derive(Debug, DecodeAsType)]
struct Participant {
	status: Status,
}

#[derive(Debug, DecodeAsType)]
struct AccountInfo {
	data: AccountData,
}

#[derive(Debug, DecodeAsType)]
struct AccountData {
	free: u128,
}

/// The legal-id commitment of load account `i`.
pub fn legal_id(i: usize) -> [u8; 32] {
	let mut seed = b"tradefin-load".to_vec();
	seed.extend_from_slice(&(i as u64).to_le_bytes());
	sp_crypto_hashing::blake2_256(&seed)
}

/// Makes every load account an active enterprise.
pub async fn participants(runner: &Runner<'_>, cast: &Cast) -> Result<(), Error> {
	let chain = runner.chain;
	let at = chain.at_finalized().await?;
	let (mut fund, mut apply, mut approve) = (Vec::new(), Vec::new(), Vec::new());
	for (i, key) in cast.accounts.iter().enumerate() {
		let who = id(key);
		let participant: Option<Participant> =
			chain.try_read(&at, "EnterpriseIdentity", "Participants", (who,)).await?;
		match participant.map(|p| p.status) {
			Some(Status::Active) => continue,
			Some(Status::Pending) => {}
			Some(other) => return crate::fail!("load account {i} is {other:?}"),
			None => {
				let account: Option<AccountInfo> =
					chain.try_read(&at, "System", "Account", (who,)).await?;
				if account.map_or(0, |a| a.data.free) < LOW {
					fund.push((i, key));
				}
				apply.push((i, key));
			}
		}
		approve.push((i, key));
	}
	let item = |tx, signer, node| Item { tx, signer, node };
	let fund = fund.iter().map(|(_, key)| item(calls::transfer(id(key), FUNDING), &cast.funder, 0));
	runner.require("fund load accounts", fund.collect()).await?;
	let applications = apply.iter().map(|&(i, key)| {
		let jurisdiction = JURISDICTIONS.get(i % JURISDICTIONS.len()).copied().unwrap_or(*b"CN");
		let tx = calls::apply(jurisdiction, legal_id(i), &format!("Load Trading Co. {i}"));
		item(tx, key, i)
	});
	runner.require("apply as enterprises", applications.collect()).await?;
	let approvals = approve.iter().map(|(_, key)| item(calls::approve(id(key)), &cast.bank, 0));
	runner.require("approve enterprises", approvals.collect()).await?;
	Ok(())
}
