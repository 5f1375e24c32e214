//! Closed word classes of English that the rules lean on in place of a
//! part-of-speech tagger: determiners, auxiliaries, pronouns, connectors of
//! names, and capitalised words that are not names.

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "any", "each", "every", "all", "both", "no", "another", "other", "such",
];

/// Auxiliaries and modals that may stand between a subject and its verb.
pub const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
    "had", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "'s", "'ve",
    "'ll", "'d", "wo", "ca", "also", "has", "reportedly", "later", "then", "again", "once",
    "still", "already", "jointly", "separately", "now", "repeatedly", "previously", "personally",
    "publicly", "formally", "officially", "recently", "further", "even", "just", "first", "last",
    "strongly", "firmly", "swiftly", "quickly", "sharply", "immediately",
];

/// Words that negate a verb.
pub const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor"];

/// Days and months: capitalised, never names of actors here.
pub const CALENDAR: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
    "Sept.", "Oct.", "Nov.", "Dec.",
];

/// Function and common words that start sentences capitalised but never
/// begin a name.
pub const COMMON_CAPITALIZED: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "I", "You", "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At", "By", "For", "From",
    "With", "Without", "To", "Of", "As", "After", "Before", "During", "Since", "Until", "While",
    "When", "Where", "Why", "How", "What", "Which", "Who", "Whose", "If", "Although", "Though",
    "Because", "But", "And", "Or", "Nor", "So", "Yet", "Also", "However", "Meanwhile",
    "Moreover", "Furthermore", "Still", "Instead", "Then", "Now", "Later", "Earlier", "Last",
    "Next", "Both", "All", "Some", "Many", "Most", "Few", "Several", "Such", "Other", "Another",
    "Each", "Every", "No", "Not", "There", "Here", "Under", "Over", "About", "Against", "Among",
    "Amid", "Between", "Through", "Into", "Despite", "Regarding", "Including", "According",
    "Asked", "Speaking", "Separately", "Elsewhere", "Today", "Yesterday", "Tomorrow", "Tonight",
    "Following", "Referring", "In addition", "Further", "Even", "Only", "Just", "Once", "Like",
    "Unlike", "Along", "Around", "Across", "Above", "Below", "Within", "Toward", "Towards",
    "Upon", "Via", "Per", "Mr", "Mrs", "Ms", "Sources", "Officials", "Analysts", "Experts",
    "Critics", "Related", "Reporting", "Editing", "Writing", "Additional", "Photo", "Video",
    "Read", "See", "Click", "Copyright", "Updated", "Posted", "First", "Second", "Third",
    "Former", "New", "Old", "Top", "Senior", "Chief", "Deputy", "Acting", "Interim",
];

/// Lowercase particles inside a person's name ("Osama bin Laden",
/// "Charles de Gaulle", "Ursula von der Leyen").
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "du",
    "la", "le", "van", "von", "der", "den", "ben", "abu",
];

/// Head words that make a capitalised phrase an organisation.
pub const ORG_HEADS: &[&str] = &[
    "Ministry", "Department", "Commission", "Council", "Party", "Agency", "Bank", "Court",
    "Union", "Association", "Committee", "Office", "Institute", "University", "Corporation",
    "Corp.", "Inc.", "Ltd.", "Ltd", "Inc", "Corp", "LLC", "Plc", "PLC", "AG", "SA", "Group",
    "Company", "Co.", "Forces", "Army", "Navy", "Authority", "Organization", "Organisation",
    "Foundation", "Fund", "Service", "Bureau", "Tribunal", "Parliament", "Assembly", "Senate",
    "Congress", "Administration", "Board", "Federation", "League", "Alliance", "Front",
    "Movement", "Coalition", "Secretariat", "Directorate", "Center", "Centre", "Network",
    "Times", "Post", "News", "Journal", "Press", "Guard", "Police", "Airlines", "Motors",
    "Holdings", "Industries", "Technologies", "Systems", "Exchange", "Reserve", "Program",
    "Programme", "Mission", "Command", "Cabinet", "Chamber", "Embassy", "Consulate",
    "Commissioner",
];

/// Personal pronouns by the antecedent they take.
pub const SINGULAR_PRONOUNS: &[&str] = &["he", "him", "his", "she", "her", "hers", "himself", "herself"];
/// Plural personal pronouns.
pub const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "themselves"];

/// True for `w` in `list`, ignoring ASCII case.
pub fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// True for words ending in -ly (adverbs) that may sit between subject and verb.
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Gender of a singular pronoun.
pub fn pronoun_gender(w: &str) -> Option<char> {
    match w.to_ascii_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some('m'),
        "she" | "her" | "hers" | "herself" => Some('f'),
        _ => None,
    }
}

/// Capitalised words that show a name is no person's: events, documents,
/// places and programmes ("World War II", "Kerch Strait", "Paris Agreement").
pub const NOT_PERSON: &[&str] = &[
    "War", "Wars", "Day", "Games", "Cup", "Olympics", "Summit", "Conference", "Forum",
    "Constitution", "Act", "Treaty", "Agreement", "Accord", "Accords", "Convention", "Protocol",
    "Declaration", "Charter", "Resolution", "Strait", "Straits", "Sea", "Ocean", "River", "Lake",
    "Island", "Islands", "Mountain", "Mountains", "Peninsula", "Gulf", "Bay", "Province",
    "Region", "City", "County", "District", "Street", "Square", "Airport", "Port", "Bridge",
    "Canal", "Desert", "Valley", "Coast", "Zone", "Crisis", "Election", "Elections", "Prize",
    "Award", "Festival", "Plan", "Initiative", "Road", "Avenue", "Park", "Hall", "Palace",
    "Hospital", "School", "Stadium", "Church", "Mosque", "Temple", "Cathedral", "Basin", "Delta",
    "Plateau", "Highway", "Railway", "Line", "Corridor", "Pipeline", "Project", "Index", "Law",
    "Code", "Bill", "Report", "Week", "Year", "Era", "Revolution", "Spring", "Uprising", "Massacre",
    "Operation", "Campaign", "Pact", "Deal", "Doctrine", "Strategy", "Policy", "Dialogue", "Talks", "Round", "Framework",
    "Communist", "Socialist", "Democratic", "Republican", "Christian", "Muslim", "Islamic",
    "Catholic", "Orthodox", "Jewish", "Buddhist", "Hindu", "Sunni", "Shiite", "Shia", "Kurdish",
    "Arab", "African", "Asian", "European", "Western", "Eastern", "Northern", "Southern",
    "Central", "Pacific", "Atlantic", "Indian", "Middle", "East", "West", "North", "South",
    "International", "National", "Federal", "Royal", "General", "Global", "United", "World",
];
