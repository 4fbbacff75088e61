//! The call docs polkadot.js shows users, read from the runtime's metadata: every call of every
//! tradefin pallet is documented in FRAME's form (README, "Contributor notes"): its origin, each
//! argument, the events it emits and the errors it returns, and every event and error it names
//! exists in some pallet of the runtime. Every constant of a tradefin pallet has a doc.

use std::collections::BTreeSet;

use frame_metadata::{v14::RuntimeMetadataV14, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, TypeDef, Variant};
use tradefin_runtime::Runtime;

/// The pallets whose docs this project writes.
const TRADEFIN: [&str; 7] = [
	"EnterpriseIdentity",
	"TradeCredit",
	"Financing",
	"Settlement",
	"Supervision",
	"Hedging",
	"Upgrades",
];

fn metadata() -> RuntimeMetadataV14 {
	match Runtime::metadata() {
		RuntimeMetadataPrefixed(_, RuntimeMetadata::V14(metadata)) => metadata,
		_ => panic!("the runtime serves V14 metadata by default"),
	}
}

/// The variants of the enum type `id` (calls, events or errors of a pallet).
fn variants(metadata: &RuntimeMetadataV14, id: u32) -> &[Variant<PortableForm>] {
	match &metadata.types.resolve(id).expect("a registered type").type_def {
		TypeDef::Variant(def) => &def.variants,
		_ => panic!("calls, events and errors are enums"),
	}
}

/// Every event and error name of every pallet of the runtime, and FRAME's `BadOrigin`.
fn known_names(metadata: &RuntimeMetadataV14) -> (BTreeSet<String>, BTreeSet<String>) {
	let mut events = BTreeSet::new();
	let mut errors = BTreeSet::from(["BadOrigin".to_string()]);
	for pallet in &metadata.pallets {
		if let Some(event) = &pallet.event {
			events.extend(variants(metadata, event.ty.id).iter().map(|v| v.name.clone()));
		}
		if let Some(error) = &pallet.error {
			errors.extend(variants(metadata, error.ty.id).iter().map(|v| v.name.clone()));
		}
	}
	(events, errors)
}

/// The names the paragraph after `label` gives: backticked, starting with an upper-case letter,
/// outside parentheses (where the docs say when, and may name a constant or a state), and not
/// a pallet's possessive (`` `System`'s ``).
fn named_after<'a>(docs: &'a str, label: &str) -> Vec<&'a str> {
	let Some(start) = docs.find(label) else { return Vec::new() };
	let paragraph = docs.get(start..).unwrap_or_default().split("\n\n").next().unwrap_or_default();
	let mut names = Vec::new();
	let (mut depth, mut outside) = (0usize, true);
	let mut opened = 0;
	for (i, c) in paragraph.char_indices() {
		match c {
			'`' if outside => {
				outside = false;
				opened = i + 1;
			}
			'`' => {
				outside = true;
				let name = paragraph.get(opened..i).unwrap_or_default();
				let possessive = paragraph.get(i + 1..).is_some_and(|rest| rest.starts_with("'s"));
				if depth == 0 && !possessive {
					names.push(name);
				}
			}
			'(' if outside => depth += 1,
			')' if outside => depth = depth.saturating_sub(1),
			_ => {}
		}
	}
	names
		.into_iter()
		.filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
		.filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric()))
		.collect()
}

#[test]
fn every_tradefin_call_documents_its_origin_arguments_events_and_errors() {
	let metadata = metadata();
	let (events, errors) = known_names(&metadata);
	let mut problems = Vec::new();
	let mut checked = 0;
	let mut expected = 0;
	for name in TRADEFIN {
		let pallet = metadata.pallets.iter().find(|p| p.name == name).expect("a tradefin pallet");
		let calls = pallet.calls.as_ref().expect("every tradefin pallet has calls");
		let calls = variants(&metadata, calls.ty.id);
		expected += calls.len();
		for call in calls {
			let docs = call.docs.join("\n");
			let at = format!("{name}::{}", call.name);
			for label in ["- `origin`:", "Events:", "Errors:"] {
				if !docs.contains(label) {
					problems.push(format!("{at}: no `{label}`"));
				}
			}
			for field in &call.fields {
				let argument = field.name.as_deref().expect("calls have named arguments");
				if !docs.contains(&format!("- `{argument}`:")) {
					problems.push(format!("{at}: argument `{argument}` undocumented"));
				}
			}
			for event in named_after(&docs, "Events:") {
				if !events.contains(event) {
					problems.push(format!("{at}: names an event `{event}` no pallet has"));
				}
			}
			for error in named_after(&docs, "Errors:") {
				if !errors.contains(error) {
					problems.push(format!("{at}: names an error `{error}` no pallet has"));
				}
			}
			checked += 1;
		}
	}
	assert!(problems.is_empty(), "call docs out of form:\n{}", problems.join("\n"));
	// Seven pallets, each with calls: the walk above saw every one of them.
	assert_eq!(checked, expected);
	assert!(checked > TRADEFIN.len());
}

#[test]
fn every_tradefin_constant_is_documented() {
	let metadata = metadata();
	let undocumented: Vec<String> = metadata
		.pallets
		.iter()
		.filter(|p| TRADEFIN.contains(&p.name.as_str()))
		.flat_map(|p| {
			p.constants
				.iter()
				.filter(|c| c.docs.iter().all(|line| line.trim().is_empty()))
				.map(move |c| format!("{}::{}", p.name, c.name))
		})
		.collect();
	assert!(undocumented.is_empty(), "constants without docs: {undocumented:?}");
}

/// The form check finds what it should: a doc without the labels, an argument left out, and a
/// name that is no error of any pallet.
#[test]
fn the_form_check_finds_a_doc_out_of_form() {
	let docs = "Does things.\n\n- `origin`: anyone.\n\nEvents: `Paid`, `System`'s \
		`Remarked`.\n\nErrors: `NoSuchError` (more than `MaxThings`, or not `Applied`), \
		`BadOrigin`.";
	assert_eq!(named_after(docs, "Errors:"), ["NoSuchError", "BadOrigin"]);
	assert_eq!(named_after(docs, "Events:"), ["Paid", "Remarked"]);
	let (_, errors) = known_names(&metadata());
	assert!(!errors.contains("NoSuchError"));
	assert!(errors.contains("NotUpgradeAuthority") && errors.contains("BadOrigin"));
	assert!(!"Does things.".contains("- `origin`:"));
}
