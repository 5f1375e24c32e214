//! Rule tests on sentences written for them (none is from the evaluation set).

use std::sync::OnceLock;

use super::{ActorKind, Extraction, extract};
use crate::lexicon::Lexicon;

fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicons"))
}

fn ex(text: &str) -> Extraction {
    extract("t", text, lex())
}

fn actor<'a>(e: &'a Extraction, name: &str) -> &'a super::Actor {
    e.actors.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("no actor {name}: {:#?}", e.actors))
}

fn has_actor(e: &Extraction, name: &str) -> bool {
    e.actors.iter().any(|a| a.name == name)
}

/// (subject, predicate, object, cameo, symmetric, negated) of every relation.
fn rels(e: &Extraction) -> Vec<(String, String, String, String, bool, bool)> {
    e.relations
        .iter()
        .map(|r| (r.subject.clone(), r.predicate.clone(), r.object.clone(), r.cameo.clone(), r.symmetric, r.negated))
        .collect()
}

fn has_rel(e: &Extraction, subject: &str, predicate: &str, object: &str) -> bool {
    e.relations.iter().any(|r| {
        (r.subject == subject && r.object == object || r.symmetric && r.subject == object && r.object == subject)
            && r.predicate == predicate
    })
}

fn statement<'a>(e: &'a Extraction, speaker: &str) -> &'a super::Statement {
    e.statements
        .iter()
        .find(|s| s.speaker == speaker)
        .unwrap_or_else(|| panic!("no statement by {speaker}: {:#?}", e.statements))
}

// ---- actors ----

#[test]
fn title_and_name_make_a_person_with_its_title_forms_as_aliases() {
    let e = ex("German Chancellor Olaf Scholz arrived in Paris on Monday. Scholz met reporters.");
    let a = actor(&e, "Olaf Scholz");
    assert_eq!(a.kind, ActorKind::Person);
    for alias in ["Scholz", "Chancellor Olaf Scholz", "German Chancellor Olaf Scholz"] {
        assert!(a.aliases.iter().any(|x| x == alias), "{alias} missing from {:?}", a.aliases);
    }
}

#[test]
fn lowercase_title_with_comma_apposition_names_the_person() {
    let e = ex("Kenya's interior minister, Abdi Farah, spoke on Friday.");
    assert_eq!(actor(&e, "Abdi Farah").kind, ActorKind::Person);
    assert!(!has_actor(&e, "Kenya") || actor(&e, "Kenya").kind == ActorKind::Country);
}

#[test]
fn capitals_and_governments_stand_for_their_country() {
    let e = ex("Moscow rejected the plan, and the Polish government criticized Moscow.");
    assert!(actor(&e, "Russia").aliases.iter().any(|a| a == "Moscow"));
    assert!(actor(&e, "Poland").aliases.iter().any(|a| a.contains("Polish government")));
    assert!(has_rel(&e, "Poland", "criticize", "Russia"), "{:?}", rels(&e));
}

#[test]
fn role_nominal_resolves_to_the_person_holding_the_role() {
    let e = ex("French President Marie Dubois visited Rome. Later the French president praised Italy.");
    assert!(actor(&e, "Marie Dubois").aliases.iter().any(|a| a == "the French president"));
    assert!(has_rel(&e, "Marie Dubois", "praise", "Italy"), "{:?}", rels(&e));
}

#[test]
fn group_of_a_country_is_one_actor_and_its_modifier_use_is_not() {
    let e = ex("Brazilian lawmakers said the vote was fair. The Brazilian military budget grew.");
    assert_eq!(actor(&e, "Brazilian lawmakers").kind, ActorKind::Group);
    assert!(!has_actor(&e, "Brazilian military"));
}

#[test]
fn us_groups_use_the_newswire_abbreviation() {
    let e = ex("American officials said the talks would resume.");
    assert!(has_actor(&e, "U.S. officials"), "{:?}", e.actors);
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let e = ex(
        "Following the meeting, Canada condemned Iran. Referring to the dispute, Prime Minister Ana Lopes said talks would go on.",
    );
    assert!(
        !e.actors.iter().any(|a| a.name.starts_with("Following") || a.name.starts_with("Referring")),
        "{:?}",
        e.actors
    );
    assert!(has_actor(&e, "Ana Lopes"));
}

#[test]
fn hyphenated_and_accented_names_stay_whole() {
    let e = ex("President Jean-Luc Mélenchon met Prime Minister Lee Jae-sung in Seoul.");
    assert!(has_actor(&e, "Jean-Luc Mélenchon"), "{:?}", e.actors);
    assert!(has_actor(&e, "Lee Jae-sung"), "{:?}", e.actors);
}

#[test]
fn hyphenated_country_pairs_give_both_countries() {
    let e = ex("The U.S.-Japan alliance was praised by Australia.");
    assert!(has_actor(&e, "United States") && has_actor(&e, "Japan"), "{:?}", e.actors);
}

#[test]
fn all_caps_dateline_is_not_an_actor_mention() {
    let e = ex("LONDON (Reuters) - France criticized Germany on Monday.");
    assert!(!has_actor(&e, "United Kingdom"), "{:?}", e.actors);
    assert!(has_rel(&e, "France", "criticize", "Germany"), "{:?}", rels(&e));
}

#[test]
fn a_country_named_only_as_a_place_is_no_actor() {
    let e = ex("Talks were held in Luxembourg, where Spain criticized Portugal.");
    assert!(!has_actor(&e, "Luxembourg"), "{:?}", e.actors);
    assert!(has_actor(&e, "Spain"));
}

#[test]
fn last_name_and_pronoun_refer_back_to_the_person() {
    let e = ex("Defense Minister Karl Berg met troops. Berg said he would visit Norway.");
    let st = statement(&e, "Karl Berg");
    assert_eq!(st.content, "he would visit Norway");
    assert_eq!(st.about, ["Norway"]);
}

// ---- relations ----

#[test]
fn plural_reference_gives_one_relation_per_member() {
    let e = ex(
        "Chancellor Olaf Scholz and President Marie Dubois met in Berlin. The two leaders condemned Russia's attack.",
    );
    assert!(has_rel(&e, "Olaf Scholz", "condemn", "Russia"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Marie Dubois", "condemn", "Russia"), "{:?}", rels(&e));
}

#[test]
fn coordinated_subjects_of_a_reciprocal_verb_are_symmetric() {
    let e = ex("Chile and Peru agreed on Tuesday to expand trade.");
    let r = e.relations.iter().find(|r| r.predicate == "agree").expect("agree relation");
    assert!(r.symmetric);
    assert_eq!(r.cameo, "03");
    assert!(e.statements.is_empty(), "an intent is not speech: {:?}", e.statements);
}

#[test]
fn possessor_of_the_object_noun_is_the_object() {
    let e = ex("Japan condemned North Korea's missile launch.");
    assert!(has_rel(&e, "Japan", "condemn", "North Korea"), "{:?}", rels(&e));
}

#[test]
fn passive_with_by_swaps_the_roles() {
    let e = ex("Ukraine was attacked by Russia on Friday.");
    assert!(has_rel(&e, "Russia", "attack", "Ukraine"), "{:?}", rels(&e));
}

#[test]
fn negation_and_refusal_mark_the_relation_negated() {
    let e = ex("Hungary did not condemn Russia. Serbia refused to meet Kosovo.");
    let r = rels(&e);
    assert!(r.iter().any(|x| x.0 == "Hungary" && x.1 == "condemn" && x.2 == "Russia" && x.5), "{r:?}");
    assert!(r.iter().any(|x| x.0 == "Serbia" && x.1 == "meet" && x.2 == "Kosovo" && x.5), "{r:?}");
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let e = ex("Syrian forces shelled and attacked Turkey on Sunday.");
    assert!(has_rel(&e, "Syrian forces", "attack", "Turkey"), "{:?}", rels(&e));
}

#[test]
fn nominal_event_takes_its_agent_from_the_possessor() {
    let e = ex("Russia's invasion of Ukraine was condemned.");
    assert!(
        e.relations.iter().any(|r| r.subject == "Russia" && r.object == "Ukraine" && r.cameo == "19"),
        "{:?}",
        rels(&e)
    );
}

#[test]
fn talks_with_after_a_fronted_phrase_belong_to_the_main_subject() {
    let e = ex("After talks with President Marie Dubois, Chancellor Olaf Scholz said Europe was united.");
    assert!(has_rel(&e, "Olaf Scholz", "talk with", "Marie Dubois"), "{:?}", rels(&e));
}

#[test]
fn told_with_an_addressee_is_a_relation_too() {
    let e = ex("Foreign Minister Ana Lopes told her Chilean counterpart Pedro Soto that Peru would help.");
    assert!(has_rel(&e, "Ana Lopes", "tell", "Pedro Soto"), "{:?}", rels(&e));
    let st = statement(&e, "Ana Lopes");
    assert_eq!(st.addressee.as_deref(), Some("Pedro Soto"));
    assert_eq!(st.content, "Peru would help");
}

// ---- statements ----

#[test]
fn said_that_reports_the_clause() {
    let e = ex("Canada said that Iran had violated the deal.");
    let st = statement(&e, "Canada");
    assert_eq!((st.verb.as_str(), st.content.as_str(), st.direct), ("say", "Iran had violated the deal", false));
    assert_eq!(st.about, ["Iran"]);
}

#[test]
fn trailing_attribution_and_direct_quotes() {
    let e = ex("\"We will not give up,\" Prime Minister Ana Lopes said on Monday.");
    let st = statement(&e, "Ana Lopes");
    assert!(st.direct);
    assert_eq!(st.content, "We will not give up");
}

#[test]
fn quotation_over_several_sentences_is_one_statement() {
    let e = ex(
        "Prime Minister Ana Lopes spoke first. \"We are ready. Our army is strong. Peru will defend itself,\" she said.",
    );
    let st = statement(&e, "Ana Lopes");
    assert!(st.direct);
    assert!(st.content.starts_with("We are ready.") && st.content.ends_with("defend itself"), "{}", st.content);
}

#[test]
fn according_to_before_and_after_the_content() {
    let e = ex(
        "Iran has enriched more uranium, according to the International Atomic Energy Agency. According to Israel, Iran is close to a bomb.",
    );
    let iaea = statement(&e, "International Atomic Energy Agency");
    assert_eq!((iaea.verb.as_str(), iaea.content.as_str()), ("according to", "Iran has enriched more uranium"));
    assert_eq!(statement(&e, "Israel").content, "Iran is close to a bomb");
}

#[test]
fn nested_report_gives_two_statements() {
    let e = ex(
        "President Marie Dubois met Chancellor Olaf Scholz. Dubois told reporters that Scholz assured her Germany would help.",
    );
    assert_eq!(statement(&e, "Marie Dubois").content, "Scholz assured her Germany would help");
    let inner = statement(&e, "Olaf Scholz");
    assert_eq!((inner.verb.as_str(), inner.addressee.as_deref()), ("assure", Some("Marie Dubois")));
    assert_eq!(inner.content, "Germany would help");
}

#[test]
fn spokesperson_of_an_organisation_is_the_speaker() {
    let e = ex("\"The talks failed,\" said State Department spokesperson Ann Miles.");
    assert_eq!(statement(&e, "Ann Miles").content, "The talks failed");
}

#[test]
fn apposition_between_speaker_and_verb_is_skipped() {
    let e = ex("Pedro Soto, the head of the Chilean central bank, warned that inflation would rise.");
    assert_eq!(statement(&e, "Pedro Soto").verb, "warn");
}

#[test]
fn passive_participle_is_not_speech() {
    let e = ex("Nine Iranian officials accused of abuses were named.");
    assert!(e.statements.is_empty(), "{:?}", e.statements);
}

#[test]
fn gazetteer_names_across_a_line_break_and_before_a_longer_word() {
    let text = "The World\nBank lent money to the U.S. Household products unit.";
    let e = ex(text);
    assert!(actor(&e, "World Bank").mentions.iter().any(|m| &text[m.clone()] == "World\nBank"), "{:?}", e.actors);
    // "U.S. House" is a surface, but "Household" is no "House".
    assert!(has_actor(&e, "United States"), "{:?}", e.actors);
}

#[test]
fn no_panic_and_empty_output_on_odd_input() {
    for text in ["", "   ", "\"", "'s", "U.S.", "...", "“”", "A", "\u{0}\u{1}", "— — —", "Mr.", "\"He said,\" said."]
    {
        let e = ex(text);
        assert!(e.relations.len() <= 1, "{text:?}");
    }
}

#[test]
fn unnamed_official_speaks_for_the_officials_of_the_affiliation() {
    let e = ex("A senior Indian official said the border was calm.");
    assert_eq!(statement(&e, "Indian officials").content, "the border was calm");
}

#[test]
fn quoted_as_saying_attributes_to_the_quoted_person() {
    let e = ex("State television quoted Foreign Minister Ana Lopes as saying that Chile had erred.");
    assert_eq!(statement(&e, "Ana Lopes").content, "Chile had erred");
}

#[test]
fn cancelling_an_event_reduces_relations() {
    let e = ex("Chancellor Olaf Scholz cancelled a meeting with President Marie Dubois.");
    let r = e.relations.iter().find(|r| r.subject == "Olaf Scholz" && r.object == "Marie Dubois").expect("relation");
    assert_eq!(r.cameo, "16");
}

#[test]
fn demonym_before_an_event_noun_is_its_agent() {
    let e = ex("The minister praised continued French support for Mali.");
    assert!(e.relations.iter().any(|r| r.subject == "France" && r.object == "Mali"), "{:?}", rels(&e));
}

#[test]
fn a_country_acts_through_its_ships() {
    let e = ex("Chinese ships harassed Vietnam on Monday.");
    assert!(e.relations.iter().any(|r| r.subject == "China" && r.object == "Vietnam"), "{:?}", rels(&e));
}

#[test]
fn announced_cooperation_is_an_intent() {
    let e = ex("Kenya will cooperate with Uganda on security.");
    let r = e.relations.iter().find(|r| r.subject == "Kenya" && r.object == "Uganda").expect("relation");
    assert_eq!(r.cameo, "03");
}

#[test]
fn criticism_is_aimed_at_the_subject_of_the_reported_clause() {
    let e = ex("Mexico complained that Guatemala had closed the border.");
    assert!(
        e.relations.iter().any(|r| r.subject == "Mexico" && r.object == "Guatemala" && r.cameo == "11"),
        "{:?}",
        rels(&e)
    );
    assert_eq!(statement(&e, "Mexico").content, "Guatemala had closed the border");
}

#[test]
fn acronym_defined_in_parentheses_names_the_organisation_later() {
    let e = ex("The Zorgan Liberation Front (ZLF) attacked Chad. Later the ZLF said it would stop.");
    let zlf = actor(&e, "Zorgan Liberation Front");
    assert!(zlf.aliases.iter().any(|a| a == "ZLF"), "{:?}", zlf.aliases);
    assert_eq!(statement(&e, "Zorgan Liberation Front").content, "it would stop");
}

#[test]
fn unnamed_analysts_who_speak_are_a_group() {
    let e = ex("Analysts have said the ban could widen.");
    assert_eq!(actor(&e, "analysts").kind, ActorKind::Group);
    assert_eq!(statement(&e, "analysts").content, "the ban could widen");
}

#[test]
fn places_and_capitalised_phrases_are_not_people() {
    let e = ex("Protests spread from San Bernardino to Rio de Janeiro, and Operation Car Wash went on.");
    assert!(!e.actors.iter().any(|a| a.kind == ActorKind::Person), "{:?}", e.actors);
}

#[test]
fn a_person_without_title_needs_a_given_name_or_a_verb() {
    let e = ex("Maria Kowalski criticized Poland. Nowak Kovacs went home.");
    assert!(has_actor(&e, "Maria Kowalski"));
    assert!(has_actor(&e, "Nowak Kovacs"), "acts like a person: {:?}", e.actors);
}

#[test]
fn countries_listed_after_a_locative_are_places() {
    let e =
        ex("Fighting in Israel and Lebanon worsened while the summit in Lima, Peru went on. Canada criticized Iran.");
    for place in ["Israel", "Lebanon", "Peru"] {
        assert!(!has_actor(&e, place), "{place} is a place here: {:?}", e.actors);
    }
    assert!(has_actor(&e, "Canada") && has_actor(&e, "Iran"));
}

#[test]
fn groups_take_a_modifier_or_a_two_word_noun() {
    let e = ex("Brazilian opposition lawmakers said the vote was rigged. Iranian state media reported the arrests.");
    assert_eq!(actor(&e, "Brazilian opposition lawmakers").kind, ActorKind::Group);
    assert!(has_actor(&e, "Iranian state media"), "{:?}", e.actors);
}

#[test]
fn collective_nouns_refer_to_the_countries_named_together() {
    let e = ex("Envoys of Armenia and Azerbaijan met on Monday. The neighbouring rivals have fought two wars.");
    assert!(e.relations.iter().any(|r| r.predicate == "fight" && r.symmetric), "{:?}", rels(&e));
}

#[test]
fn refused_cooperation_is_a_rejection() {
    let e = ex("Serbia refused to meet Kosovo.");
    let r = e.relations.iter().find(|r| r.predicate == "meet").expect("meet");
    assert_eq!((r.cameo.as_str(), r.negated), ("12", true));
}

#[test]
fn facing_an_investigation_by_someone() {
    let e = ex("President Marie Dubois faces an investigation by the International Criminal Court.");
    assert!(has_rel(&e, "International Criminal Court", "investigate", "Marie Dubois"), "{:?}", rels(&e));
}

#[test]
fn relative_pronoun_takes_its_antecedent_as_subject() {
    let e = ex("Chilean officials who came to Peru praised Bolivia.");
    assert!(e.relations.iter().any(|r| r.subject == "Chilean officials" && r.object == "Peru"), "{:?}", rels(&e));
}

#[test]
fn event_noun_objects_can_be_a_list() {
    let e = ex("Prime Minister Ana Lopes said she has been in touch with the governments of Chile, Peru and Bolivia.");
    for c in ["Chile", "Peru", "Bolivia"] {
        assert!(has_rel(&e, "Ana Lopes", "be in touch with", c), "{c}: {:?}", rels(&e));
    }
}

#[test]
fn expressed_feelings_toward_an_actor_are_relations() {
    let e = ex("A Polish government spokesman expressed disappointment in Hungary.");
    assert!(e.relations.iter().any(|r| r.object == "Hungary" && r.cameo == "11"), "{:?}", rels(&e));
}

#[test]
fn to_before_an_infinitive_is_not_a_preposition() {
    let e = ex("Canada welcomed Mexico's commitments to withdraw Guatemalan troops.");
    assert!(!e.relations.iter().any(|r| r.object == "Guatemalan troops" || r.object == "Guatemala"), "{:?}", rels(&e));
}

#[test]
fn an_infinitive_after_refuse_is_no_object_and_a_comma_is_no_list() {
    let e = ex("Ethiopia refused to meet Lebanon, diplomats said.");
    assert_eq!(rels(&e), [("Ethiopia".into(), "meet".into(), "Lebanon".into(), "12".into(), false, true)]);
}

#[test]
fn an_office_word_between_demonym_and_title_belongs_to_the_title() {
    let e = ex("Cambodian government spokesperson Siti Gomez spoke on Monday.");
    assert!(actor(&e, "Siti Gomez").aliases.iter().any(|a| a == "Cambodian government spokesperson Siti Gomez"));
}

#[test]
fn cannot_negates_its_verb() {
    let e = ex("A judge ruled that Canada cannot force Mexico to pay.");
    let r = e.relations.iter().find(|r| r.predicate == "force").expect("force");
    assert!(r.negated && r.subject == "Canada" && r.object == "Mexico", "{r:?}");
}

#[test]
fn an_infinitive_takes_the_subject_of_its_own_clause() {
    let e = ex("Trade Minister Ana Lopes said she hopes Chile will soon be able to lift sanctions on Peru.");
    assert!(e.relations.iter().any(|r| r.subject == "Chile" && r.object == "Peru"), "{:?}", rels(&e));
    assert!(!e.relations.iter().any(|r| r.subject == "Ana Lopes" && r.object == "Peru"), "{:?}", rels(&e));
}

#[test]
fn a_readout_header_attributes_the_next_paragraph() {
    let e = ex(
        "The following is attributable to Spokesperson Ann Miles:\n\nSecretary of State Ben Ode spoke with Chile today.",
    );
    let st = statement(&e, "Ann Miles");
    assert_eq!(
        (st.verb.as_str(), st.content.as_str()),
        ("attributable to", "Secretary of State Ben Ode spoke with Chile today.")
    );
    assert!(st.about.contains(&"Chile".to_string()));
}

#[test]
fn the_leaders_are_the_two_leaders_last_named_and_lists_of_speech_verbs_split() {
    let e = ex(
        "President Marie Dubois spoke with King Harald today. The leaders discussed trade. They also agreed that talks should resume. Dubois expressed thanks to Norway, reaffirmed her support for Oslo, and confirmed new funding for Norway.",
    );
    assert!(e.statements.iter().any(|s| s.speaker == "Harald" && s.verb == "agree"), "{:?}", e.statements);
    let verbs: Vec<&str> =
        e.statements.iter().filter(|s| s.speaker == "Marie Dubois").map(|s| s.verb.as_str()).collect();
    assert!(verbs.contains(&"reaffirm") && verbs.contains(&"confirm"), "{verbs:?}");
}

#[test]
fn reciprocal_objects_run_both_ways_and_possessive_affiliations_coordinate() {
    let e = ex("Senator Ana Lopes and the PDP's Pedro Soto have blamed each other for the violence.");
    assert!(
        has_rel(&e, "Ana Lopes", "blame", "Pedro Soto") && has_rel(&e, "Pedro Soto", "blame", "Ana Lopes"),
        "{:?}",
        rels(&e)
    );
}

#[test]
fn negative_contraction_is_an_auxiliary_before_the_verb() {
    let e =
        ex("Chancellor Olaf Scholz met President Marie Dubois.\n\nScholz doesn't recognize Dubois's narrow victory.");
    let r = e.relations.iter().find(|r| r.predicate == "recognize").expect("recognize relation");
    assert!(r.negated && r.cameo == "12", "{:?}", rels(&e));
}

#[test]
fn a_directed_act_is_wanted_not_done() {
    let e = ex("Chile urged Peru to release the fishing boats. Argentina demanded that Brazil withdraw its troops.");
    assert!(has_rel(&e, "Chile", "urge", "Peru"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Argentina", "demand", "Brazil"), "{:?}", rels(&e));
    assert!(!e.relations.iter().any(|r| r.subject == "Peru" || r.subject == "Brazil"), "{:?}", rels(&e));
}

#[test]
fn gerund_after_in_shares_the_subject_and_possessive_items_coordinate() {
    let e = ex("Norway and its Nordic allies are united in condemning Russia's blockade.");
    assert!(has_rel(&e, "Norway", "condemn", "Russia"), "{:?}", rels(&e));
}

#[test]
fn participants_after_between_share_a_mutual_act() {
    let e = ex("Officials praised the growing cooperation between Chile and Peru.");
    assert!(has_rel(&e, "Chile", "cooperate with", "Peru"), "{:?}", rels(&e));
    let e =
        ex("Chilean President Ana Soto met Peruvian President Luis Vera. The visit ended a rift that grew last year \
                between the Chilean and Peruvian presidents.");
    assert!(has_rel(&e, "Ana Soto", "have rift with", "Luis Vera"), "{:?}", rels(&e));
}

#[test]
fn a_stance_voiced_for_a_country_is_also_the_speakers() {
    let e = ex(
        "Chancellor Olaf Scholz met King Harald. Scholz thanked the King, praised the talks, and reaffirmed German \
                support for Norway.",
    );
    assert!(has_rel(&e, "Germany", "support", "Norway"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Olaf Scholz", "support", "Norway"), "{:?}", rels(&e));
}

#[test]
fn an_event_noun_takes_a_participant_after_each_preposition() {
    let e = ex("Chancellor Olaf Scholz expressed appreciation to President Marie Dubois for France's help.");
    assert!(has_rel(&e, "Olaf Scholz", "express appreciation to", "Marie Dubois"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Olaf Scholz", "express appreciation for", "France"), "{:?}", rels(&e));
}

#[test]
fn supporters_and_campaigns_of_a_known_person_are_actors() {
    let e = ex("Opposition leader Maria Lopez spoke on Monday. Lopez supporters marched in the capital. \
                Police dispersed her supporters. The Lopez campaign said it would appeal. The Lopez camp denied it.");
    assert!(has_actor(&e, "Lopez supporters"), "{:?}", e.actors);
    assert_eq!(actor(&e, "Lopez campaign").kind, ActorKind::Organization);
    assert!(e.statements.iter().any(|s| s.speaker == "Lopez campaign"), "{:?}", e.statements);
}

#[test]
fn verb_forms_after_a_determiner_and_hyphenated_compounds_are_modifiers() {
    let e = ex("Chile's footballers are resisting a planned two-week tour of Peru.");
    assert!(e.relations.iter().any(|r| r.object == "Peru" && r.cameo == "12"), "{:?}", rels(&e));
}

#[test]
fn a_mention_inside_a_relative_clause_is_not_the_main_subject() {
    let e = ex("Kenyan lawmakers who visited China criticized Japan. The officials who came to Peru met Chile.");
    assert!(has_rel(&e, "Kenyan lawmakers", "criticize", "Japan"), "{:?}", rels(&e));
    assert!(!e.relations.iter().any(|r| r.subject == "China" || r.subject == "Peru"), "{:?}", rels(&e));
}

#[test]
fn a_demand_that_someone_act_names_that_actor_and_the_government_is_the_storys_country() {
    let e = ex("Chile criticized Peru on Monday. Chile said the talks would go on. Lawyers for Apple rejected the \
                government's demand that Apple unlock the phone.");
    assert!(has_rel(&e, "Chile", "demand", "Apple"), "{:?}", rels(&e));
}

#[test]
fn a_mutual_verb_with_two_subjects_takes_no_topic_as_partner() {
    let e = ex("Chile and Peru sparred over Bolivia's demand.");
    assert!(has_rel(&e, "Chile", "spar", "Peru"), "{:?}", rels(&e));
    assert!(!e.relations.iter().any(|r| r.object == "Bolivia" && r.predicate == "spar"), "{:?}", rels(&e));
}

#[test]
fn wordnet_tells_verb_forms_outside_the_relation_lexicon() {
    use super::words::is_verb_form;
    assert!(is_verb_form(lex(), "harvested"), "a past form of a WordNet verb");
    assert!(is_verb_form(lex(), "condemned"), "a relation verb");
    assert!(!is_verb_form(lex(), "committee"));
    assert!(!is_verb_form(lex(), "hundred"), "ends in -ed but is no verb");
}

#[test]
fn members_of_an_organisation_and_the_country_refer_back() {
    let e = ex("NATO foreign ministers met in Oslo on Monday. On Belarus, the ministers condemned the country's \
                border closures. The ministers' statement warns Russia that sanctions will follow.");
    assert!(has_rel(&e, "NATO foreign ministers", "condemn", "Belarus"), "{:?} {:?}", rels(&e), e.actors);
    assert!(has_rel(&e, "NATO foreign ministers", "warn", "Russia"), "{:?}", rels(&e));
}

#[test]
fn an_organisation_is_referred_to_by_its_head_noun() {
    let e = ex("The Peruvian Ministry of Defense rejected the report. Chile criticized the ministry on Friday. \
                Calny Inc. said the company would sue Chile.");
    assert!(has_rel(&e, "Chile", "criticize", "Peruvian Ministry of Defense"), "{:?} {:?}", rels(&e), e.actors);
    let st = statement(&e, "Calny Inc.");
    assert!(st.about.iter().any(|a| a == "Chile"), "{:?}", st);
}

#[test]
fn between_needs_a_real_head_noun_and_few_parties() {
    for text in [
        "Officials discussed the trade tensions between Chile and Peru.",
        "Markets fear a war between Chile and Peru.",
        "The accord between Chile, Peru, Bolivia, Ecuador and Brazil expired.",
    ] {
        let e = ex(text);
        assert!(e.relations.is_empty(), "{text}: {:?}", rels(&e));
    }
}

#[test]
fn the_one_told_comes_right_after_the_verb() {
    let e = ex("Chancellor Olaf Scholz told reporters Poland would sign the treaty. Scholz told visiting President \
                Marie Dubois the talks were useful.");
    assert!(!has_rel(&e, "Olaf Scholz", "tell", "Poland"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Olaf Scholz", "tell", "Marie Dubois"), "{:?}", rels(&e));
}

#[test]
fn conditions_and_prepositional_objects_give_no_act() {
    let e = ex("If Chile attacks Peru, the region will suffer. The move against Bolivia could help Ecuador.");
    assert!(e.relations.is_empty(), "{:?}", rels(&e));
}

#[test]
fn comma_lists_of_verbs_need_a_closing_and() {
    let e = ex("Chancellor Olaf Scholz runs a fund he formed, called Peru Partners.");
    assert!(e.relations.is_empty(), "{:?}", rels(&e));
}

#[test]
fn unaffiliated_domestic_groups_belong_to_the_storys_country() {
    let e = ex("Peru's president, Luis Vera, faces a vote in Peru's congress. Thousands of people demonstrated \
                against Vera on Friday, and opposition lawmakers criticized Vera.");
    assert!(has_rel(&e, "Peruvian protesters", "demonstrate against", "Luis Vera"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Peruvian opposition lawmakers", "criticize", "Luis Vera"), "{:?}", rels(&e));
}

#[test]
fn what_an_actor_is_accused_of_doing_is_its_act() {
    let e = ex("Peruvian police officers accused of attacking Chilean journalists were suspended.");
    assert!(
        e.relations.iter().any(|r| r.subject == "Peruvian police officers" && r.predicate == "attack"),
        "{:?}",
        rels(&e)
    );
}

#[test]
fn a_scheduled_visit_stays_a_visit_and_a_state_protests_officially() {
    let e = ex("Chancellor Olaf Scholz will travel to Peru next week. Chile protested the decision of Peru's court.");
    assert!(e.relations.iter().any(|r| r.predicate == "travel to" && r.cameo == "04"), "{:?}", rels(&e));
    assert!(e.relations.iter().any(|r| r.subject == "Chile" && r.cameo == "11"), "{:?}", rels(&e));
    let e = ex("Chancellor Olaf Scholz plans to travel to Peru.");
    assert!(e.relations.iter().any(|r| r.predicate == "travel to" && r.cameo == "03"), "{:?}", rels(&e));
}

#[test]
fn a_report_noun_with_a_that_clause_is_a_statement() {
    let e = ex("Lawyers rejected Chile's demand that Peru return the boats. The announcement by President Luis Vera \
                that Peru will leave the pact surprised Bolivia.");
    assert!(statement(&e, "Chile").content.starts_with("Peru return the boats"), "{:?}", e.statements);
    assert!(statement(&e, "Luis Vera").content.starts_with("Peru will leave"), "{:?}", e.statements);
}

#[test]
fn calling_a_thing_something_is_a_statement() {
    let e = ex("President Luis Vera called the move “selfish” on Monday. Vera called Chile's president.");
    let st = statement(&e, "Luis Vera");
    assert!(st.content.contains("selfish"), "{st:?}");
    assert_eq!(e.statements.len(), 1, "{:?}", e.statements);
}

#[test]
fn a_readout_runs_over_all_the_paragraphs_after_its_header() {
    let e = ex("The following is attributable to Spokesperson Ann Miles:\n\nSecretary of State Ben Ode spoke with \
                Chile today.\n\nThe Secretary also welcomed Peru's offer.");
    let st = statement(&e, "Ann Miles");
    assert!(st.about.iter().any(|a| a == "Peru"), "{st:?}");
}

#[test]
fn an_urged_addressee_belongs_to_the_content() {
    let e = ex("Chile urged Peru to release the boats.");
    let st = statement(&e, "Chile");
    assert_eq!(st.addressee.as_deref(), Some("Peru"));
    assert!(st.content.starts_with("Peru to release"), "{st:?}");
    assert!(st.about.iter().any(|a| a == "Peru"), "{st:?}");
}

#[test]
fn a_plural_role_of_two_countries_is_the_holders_named_later() {
    let e = ex("The foreign ministers of Chile and Peru held talks in Lima. Chile's foreign minister, Ana Soto, \
                said the talks went well. Peruvian Foreign Minister Luis Vera agreed.");
    assert!(has_rel(&e, "Ana Soto", "talk with", "Luis Vera"), "{:?}", rels(&e));
    assert!(!has_rel(&e, "Chile", "talk with", "Peru"), "{:?}", rels(&e));
}

#[test]
fn a_role_of_a_country_acts_for_it_but_other_prepositional_objects_do_not() {
    let e = ex("The foreign minister of Chile met Peru's president on Monday.");
    assert!(has_rel(&e, "Chile", "meet", "Peru"), "{:?}", rels(&e));
}

#[test]
fn an_issued_instrument_acts_for_its_issuer() {
    let e = ex("President Luis Vera signed an order freezing the assets of Chilean officials.");
    assert!(e.relations.iter().any(|r| r.subject == "Luis Vera" && r.predicate == "freeze"), "{:?}", rels(&e));
}

#[test]
fn one_of_the_actors_who_came_at_someones_request() {
    let e =
        ex("President Luis Vera met them. Chile's former president, Ana Soto, is one of the Latin American officials \
                who came to Peru at Mr. Vera's request.");
    assert!(has_rel(&e, "Ana Soto", "come to", "Peru"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Luis Vera", "request", "Latin American officials"), "{:?}", rels(&e));
    assert!(has_rel(&e, "Luis Vera", "request", "Ana Soto"), "{:?}", rels(&e));
}

#[test]
fn the_europeans_and_interference() {
    let e =
        ex("Russia accused the Europeans of bending to pressure. Chinese ships interfered with Philippine patrols.");
    assert!(has_rel(&e, "Russia", "accuse", "European Union"), "{:?}", rels(&e));
    assert!(has_rel(&e, "China", "interfere with", "Philippines"), "{:?}", rels(&e));
}

#[test]
fn the_opposition_refers_to_the_opposition_group_named_before() {
    let e = ex("Peru's president, Luis Vera, spoke on Monday. Peru and Chile signed a pact. Peru said it would help. \
                Opposition lawmakers criticized Vera. Vera said the opposition movement had no plan.");
    let st = statement(&e, "Luis Vera");
    assert!(st.about.iter().any(|a| a == "Peruvian opposition lawmakers"), "{st:?}");
}

#[test]
fn parties_to_a_joint_undertaking_cooperate() {
    let e = ex("Officials welcomed the joint Chile and Peru investigation into the crash.");
    assert!(has_rel(&e, "Chile", "cooperate with", "Peru"), "{:?}", rels(&e));
    let e = ex("Chile and Peru rejected the investigation.");
    assert!(!has_rel(&e, "Chile", "cooperate with", "Peru"), "{:?}", rels(&e));
}

#[test]
fn words_after_of_in_a_title_are_not_part_of_the_name() {
    let e = ex("Undersecretary of State Michael Armacost will visit Tokyo next week.");
    assert!(has_actor(&e, "Michael Armacost"), "{:?}", e.actors);
}

#[test]
fn a_negated_speech_verb_states_nothing_and_a_boycott_stays_material() {
    let e = ex("President Luis Vera did not say whether Peru would sign the pact.");
    assert!(e.statements.is_empty(), "{:?}", e.statements);
    let e = ex("Taiwan boycotted the Asian Development Bank meeting.");
    assert!(e.relations.iter().all(|r| r.cameo != "11"), "{:?}", rels(&e));
}

#[test]
fn an_apposition_after_a_possessive_role_is_the_speaker() {
    let e = ex("Talks Stall\n\nPeru's lawyer, Ana Soto, said the plan would fail.");
    assert_eq!(statement(&e, "Ana Soto").content, "the plan would fail");
}

#[test]
fn a_non_restrictive_relative_clause_takes_the_named_antecedent() {
    let e = ex("Talks Stall\n\nBolivia criticized Chile, which had urged a continuation of sanctions on Peru.");
    assert!(e.statements.iter().any(|s| s.speaker == "Chile"), "{:?}", e.statements);
}

#[test]
fn a_place_is_no_antecedent_of_a_relative_clause() {
    let e = ex("Talks Stall\n\nIran sent a mission to Tokyo, which refused discounts to Chile.");
    assert!(!e.relations.iter().any(|r| r.subject == "Japan"), "{:?}", rels(&e));
}

#[test]
fn the_rebels_are_the_rebel_organisation_named_before() {
    let e = ex("Talks\n\nColombia's FARC rebels hold three hostages. The rebels said they would free them.");
    assert!(e.statements.iter().any(|s| s.speaker == "Revolutionary Armed Forces of Colombia"), "{:?}", e.statements);
}

#[test]
fn a_headline_speaker_and_speech_verb_report_the_rest() {
    let e = ex("Chile Warns Peru Over New Tariffs\n\nChile said on Friday it would respond.");
    let st = e.statements.iter().find(|s| s.verb == "warn").expect("headline statement");
    assert_eq!(st.speaker, "Chile");
    assert!(st.about.iter().any(|a| a == "Peru"), "{st:?}");
}

#[test]
fn names_are_single_spaced_like_split_and_join() {
    for s in
        ["World Bank", "World\nBank", "World  Bank", " World Bank ", "World\u{a0}Bank", "World\tBank", "a\u{b}b", ""]
    {
        let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(super::mentions::single_spaced(s), expected, "{s:?}");
    }
    assert!(matches!(super::mentions::single_spaced("World Bank"), std::borrow::Cow::Borrowed(_)));
}
