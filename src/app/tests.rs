//! Component tests in headless Chromium (`wasm-bindgen-test`): each component
//! is mounted alone with real analysed data and checked through the DOM.

use super::entities::EntityPanel;
use super::list::ArticleList;
use super::reader::Reader;
use super::timeline::Timeline;
use super::Data;
use dateline_engine::analysis::analyze;
use dateline_engine::corpus::Input;
use dateline_engine::label::Label;
use dateline_reader::search::{CorpusSearch, Prebuilt};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn data_of(corpus: dateline_engine::corpus::Corpus) -> Data {
    let search = CorpusSearch::new(&corpus, Prebuilt::None);
    Data {
        complete: true,
        corpus: Rc::new(corpus),
        layout: Default::default(),
        search: Rc::new(search),
        added: Rc::new(["003_113eacf95b61ac4f".to_string()].into()),
    }
}

/// The two seed articles, analysed as `dateline bundle` analyses them.
fn seed_corpus() -> dateline_engine::corpus::Corpus {
    let files: [(&str, &[u8]); 2] = [
        (
            "000_fd1aee54e6a12c6a.txt",
            include_bytes!("../../assets/corpus/000_fd1aee54e6a12c6a.txt"),
        ),
        (
            "003_113eacf95b61ac4f.txt",
            include_bytes!("../../assets/corpus/003_113eacf95b61ac4f.txt"),
        ),
    ];
    analyze(files.iter().map(|&(path, bytes)| Input { path, bytes }))
}

fn seeds() -> Data {
    data_of(seed_corpus())
}

/// Mounts `C` with `props` into a fresh element and lets Yew render.
async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    // One component at a time: earlier tests' roots (and their element ids)
    // go; the test runner's own output stays.
    for old in all(
        &gloo::utils::document().document_element().unwrap(),
        ".test-root",
    ) {
        old.remove();
    }
    let root = gloo::utils::document().create_element("div").unwrap();
    root.set_class_name("test-root");
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// A callback that records what it was called with.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    (Callback::from(move |v| sink.borrow_mut().push(v)), seen)
}

/// Entity panel props over both seed articles, callbacks doing nothing.
fn panel_props(data: Data, entity: Option<usize>) -> super::entities::EntityPanelProps {
    super::entities::EntityPanelProps {
        data,
        visible: Rc::new(vec![0, 1]),
        entity,
        hidden: BTreeSet::new(),
        on_entity: Callback::noop(),
        on_label: Callback::noop(),
        on_clear: Callback::noop(),
        on_correct: Callback::noop(),
        undo: None,
        redo: None,
        on_undo: Callback::noop(),
        on_redo: Callback::noop(),
    }
}

fn reader_props(
    data: Data,
    open: usize,
    hidden: BTreeSet<Label>,
    on_entity: Callback<String>,
) -> super::reader::ReaderProps {
    super::reader::ReaderProps {
        data,
        open: Some(open),
        entity: None,
        focus: None,
        hidden,
        on_entity,
    }
}

#[wasm_bindgen_test]
async fn reader_marks_entities_with_label_and_canonical_id() {
    let data = seeds();
    let open = data.corpus.article_index("003_113eacf95b61ac4f").unwrap();
    let (on_entity, picked) = recorder();
    let root = mount::<Reader>(reader_props(data, open, BTreeSet::new(), on_entity)).await;
    let title = root.query_selector("article h2").unwrap().unwrap();
    assert_eq!(
        title.text_content().unwrap(),
        "Turkiye could buy 2nd S-400 unit from Russia: Defence Industries"
    );
    let marks = all(&root, "mark");
    assert!(!marks.is_empty());
    for m in &marks {
        assert!(Label::parse(&m.get_attribute("data-label").unwrap()).is_some());
        assert!(!m.get_attribute("data-entity").unwrap().is_empty());
    }
    let s400 = marks
        .iter()
        .find(|m| m.text_content().as_deref() == Some("S-400"))
        .expect("S-400 is marked");
    assert_eq!(s400.get_attribute("data-label").as_deref(), Some("PRODUCT"));
    assert_eq!(s400.get_attribute("data-entity").as_deref(), Some("s-400"));
    s400.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*picked.borrow(), ["s-400"]);
    assert_eq!(
        all(&root, "figure.caption").len(),
        1,
        "the photo caption is shown as a caption"
    );
    let dates = all(&root, "time.timex");
    let last_week = dates
        .iter()
        .find(|t| t.text_content().as_deref() == Some("Last week"))
        .expect("dates in the text are marked");
    assert_eq!(
        last_week.get_attribute("title").as_deref(),
        Some("the week of 18 April 2022 (2022-W16)"),
        "a relative date says what it was resolved to"
    );
}

#[wasm_bindgen_test]
async fn hidden_types_are_plain_text() {
    let data = seeds();
    let root = mount::<Reader>(reader_props(
        data,
        0,
        [Label::Product].into(),
        Callback::noop(),
    ))
    .await;
    assert!(all(&root, "mark[data-label=\"PRODUCT\"]").is_empty());
    assert!(root.text_content().unwrap().contains("S-400"));
}

#[wasm_bindgen_test]
async fn article_text_is_never_html() {
    let hostile = b" date 2021-03-03 Wire\nA <b>bold</b> title\n\n<img src=x onerror=alert(1)><script>alert(2)</script> Body.\n";
    let corpus = analyze([Input {
        path: "x.txt",
        bytes: hostile,
    }]);
    let root = mount::<Reader>(reader_props(
        data_of(corpus),
        0,
        BTreeSet::new(),
        Callback::noop(),
    ))
    .await;
    assert!(all(&root, "b, img, script").is_empty());
    let text = root.text_content().unwrap();
    assert!(text.contains("A <b>bold</b> title"));
    assert!(text.contains("<img src=x onerror=alert(1)><script>alert(2)</script> Body."));
}

#[wasm_bindgen_test]
async fn list_links_only_the_visible_articles() {
    let data = seeds();
    let (on_open, opened) = recorder();
    let (on_remove, removed) = recorder();
    let found = data.find("belarusian armed");
    let (on_query, _) = recorder();
    let root = mount::<ArticleList>(super::list::ArticleListProps {
        data,
        visible: Rc::new(vec![1]),
        open: Some(1),
        on_open,
        found: Rc::new(found),
        on_query,
        sources: Rc::new(Vec::new()),
        source: None,
        on_source: Callback::noop(),
        on_remove,
    })
    .await;
    let links = all(&root, "section[aria-label=\"Articles\"] a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("#article=003_113eacf95b61ac4f")
    );
    assert_eq!(
        links[0].get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert!(root.text_content().unwrap().contains("1 of 2"));
    let snippet = root
        .query_selector(".snippet")
        .unwrap()
        .expect("a snippet of the match");
    // Every query word is marked: "armed" as typed (the last word, so a
    // prefix, matches "Armed"), "belarusian" whatever its case.
    let marked: Vec<String> = all(&snippet, ".hit")
        .iter()
        .map(|m| m.text_content().unwrap().to_lowercase())
        .collect();
    assert!(marked.contains(&"belarusian".to_string()), "{marked:?}");
    assert!(marked.contains(&"armed".to_string()), "{marked:?}");
    assert!(
        marked.iter().all(|m| m == "belarusian" || m == "armed"),
        "{marked:?}"
    );
    links[0].dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*opened.borrow(), ["003_113eacf95b61ac4f"]);
    let remove = root
        .query_selector("button.remove")
        .unwrap()
        .expect("added articles can be removed");
    assert!(remove
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Remove Turkiye could buy"));
    remove.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*removed.borrow(), ["003_113eacf95b61ac4f"]);
}

#[wasm_bindgen_test]
async fn timeline_markers_are_named_buttons_and_events_open_their_sentence() {
    let data = seeds();
    let (on_open, opened) = recorder();
    let (on_event, events) = recorder();
    let root = mount::<Timeline>(super::timeline::TimelineProps {
        data: data.clone(),
        visible: Rc::new(vec![0, 1]),
        open: None,
        entity: None,
        range: None,
        on_open,
        on_event,
        on_range: Callback::noop(),
    })
    .await;
    assert!(root
        .query_selector("section[aria-label=\"Timeline\"]")
        .unwrap()
        .is_some());
    let markers = all(&root, "button.marker");
    assert_eq!(markers.len(), 2);
    let name = markers[0].get_attribute("aria-label").unwrap();
    assert!(
        name.starts_with("2021-03-03 — Turkey In Negotiations With Russia"),
        "{name}"
    );
    markers[1].dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*opened.borrow(), ["003_113eacf95b61ac4f"]);
    let event = all(&root, "button.event")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label")
                .is_some_and(|l| l.starts_with("2020-12:"))
        })
        .expect("the December 2020 sanctions are on the event lane");
    event.dyn_ref::<HtmlElement>().unwrap().click();
    let (id, sentence) = events.borrow()[0].clone();
    assert_eq!(id, "000_fd1aee54e6a12c6a");
    let text = &data.corpus.articles[0].article.text;
    assert!(sentence
        .of(text)
        .starts_with("In December 2020, the US imposed sanctions"));
}

#[wasm_bindgen_test]
async fn entity_panel_groups_by_type_and_legend_toggles() {
    let data = seeds();
    let (on_label, labels) = recorder();
    let (on_entity, picked) = recorder();
    let root = mount::<EntityPanel>(super::entities::EntityPanelProps {
        on_entity,
        on_label,
        ..panel_props(data, None)
    })
    .await;
    let product = root
        .query_selector("section[aria-label=\"Products & weapons\"]")
        .unwrap()
        .expect("a product group");
    let row = product
        .query_selector("button[data-entity=\"s-400\"]")
        .unwrap()
        .expect("S-400 row");
    assert!(row.text_content().unwrap().starts_with("S-400"));
    row.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*picked.borrow(), ["s-400"]);
    let legend = all(&root, "button.legend-item");
    assert!(legend
        .iter()
        .all(|b| b.get_attribute("aria-pressed").as_deref() == Some("true")));
    let product_toggle = legend
        .iter()
        .find(|b| b.text_content().unwrap().contains("Products"))
        .unwrap();
    product_toggle.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(*labels.borrow(), [Label::Product]);
}

#[wasm_bindgen_test]
async fn the_entity_panel_fills_before_any_text_is_loaded() {
    // The bundle's outline: entities with their article lists, articles
    // without mentions yet.
    let mut corpus = seed_corpus();
    for a in &mut corpus.articles {
        a.mentions.clear();
    }
    let root = mount::<EntityPanel>(panel_props(data_of(corpus), None)).await;
    let demir = root
        .query_selector("button[data-entity=\"ismail-demir\"]")
        .unwrap()
        .expect("Ismail Demir listed");
    assert_eq!(
        demir
            .query_selector(".count")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "2",
        "named in both seeds"
    );
}

#[wasm_bindgen_test]
async fn correcting_the_selected_entity_emits_corrections() {
    let data = seeds();
    let demir = data.corpus.entity_index("ismail-demir").unwrap();
    let (on_correct, corrections) = recorder();
    let (on_undo, undos) = recorder();
    let root = mount::<EntityPanel>(super::entities::EntityPanelProps {
        on_correct,
        undo: Some("hide MOSCOW".into()),
        on_undo,
        ..panel_props(data, Some(demir))
    })
    .await;
    let name: web_sys::HtmlInputElement = root
        .query_selector("#fix-name")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(name.value(), "Ismail Demir");
    name.set_value("İsmail Demir");
    let forms = all(&root, "details.fix form");
    forms[0]
        .dyn_ref::<web_sys::HtmlFormElement>()
        .unwrap()
        .request_submit()
        .unwrap();
    let hide = root.query_selector("button.hide-entity").unwrap().unwrap();
    hide.dyn_ref::<HtmlElement>().unwrap().click();
    let got = corrections.borrow();
    assert_eq!(got.len(), 2);
    assert!(
        matches!(&got[0], dateline_reader::corrections::Correction::Rename { entity, name } if entity.id == "ismail-demir" && name == "İsmail Demir")
    );
    assert!(
        matches!(&got[1], dateline_reader::corrections::Correction::Hide { entity } if entity.id == "ismail-demir")
    );
    let undo = all(&root, ".history button");
    assert_eq!(undo[0].text_content().unwrap(), "Undo: hide MOSCOW");
    undo[0].dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(undos.borrow().len(), 1);
}

#[wasm_bindgen_test]
async fn chronology_lists_events_in_time_order_and_opens_their_sentence() {
    let data = seeds();
    let turkey = data.corpus.entity_index("turkey").unwrap();
    let (on_event, opened) = recorder();
    let root = mount::<super::chronology::Chronology>(super::chronology::ChronologyProps {
        data: data.clone(),
        visible: Rc::new(vec![0, 1]),
        entity: None,
        on_event: on_event.clone(),
    })
    .await;
    let times: Vec<String> = all(&root, ".chronology-item time")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(times.first().map(String::as_str), Some("2002"));
    assert!(times.contains(&"December 2020".to_string()), "{times:?}");
    let first = root.query_selector(".event-sentence").unwrap().unwrap();
    assert!(first
        .text_content()
        .unwrap()
        .starts_with("In 2002, Turkiye joined"));
    first.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(opened.borrow()[0].0, "003_113eacf95b61ac4f");

    let only_turkey = mount::<super::chronology::Chronology>(super::chronology::ChronologyProps {
        data,
        visible: Rc::new(vec![0, 1]),
        entity: Some(turkey),
        on_event,
    })
    .await;
    let heading = only_turkey
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(heading.starts_with("Chronology of Turkey"), "{heading}");
    assert!(all(&only_turkey, ".chronology-item").len() < times.len());
}

#[wasm_bindgen_test]
async fn entity_filter_narrows_the_panel_by_name_or_alias() {
    let root = mount::<EntityPanel>(panel_props(seeds(), None)).await;
    let legend_before = all(&root, "button.legend-item").len();
    let input: web_sys::HtmlInputElement = root
        .query_selector(".entity-filter")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("türkiye");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    let rows: Vec<String> = all(&root, "button.entity-row")
        .iter()
        .map(|r| r.get_attribute("data-entity").unwrap())
        .collect();
    assert_eq!(
        rows,
        ["turkey"],
        "found through its alias Turkiye, accents folded"
    );
    assert_eq!(
        all(&root, "button.legend-item").len(),
        legend_before,
        "the legend does not shrink"
    );
}

#[wasm_bindgen_test]
async fn a_crowded_day_folds_into_a_more_button_that_lists_it() {
    let texts: Vec<(String, String)> = (0..9)
        .map(|i| {
            (
                format!("a{i}.txt"),
                format!(" date 2021-03-03 Wire\nStory {i}\n\nTurkey and Russia talked.\n"),
            )
        })
        .collect();
    let corpus = analyze(texts.iter().map(|(p, t)| Input {
        path: p,
        bytes: t.as_bytes(),
    }));
    let (on_range, ranges) = recorder();
    let root = mount::<Timeline>(super::timeline::TimelineProps {
        data: data_of(corpus),
        visible: Rc::new((0..9).collect()),
        open: None,
        entity: None,
        range: None,
        on_open: Callback::noop(),
        on_event: Callback::noop(),
        on_range,
    })
    .await;
    assert_eq!(
        all(&root, "button.marker").len(),
        2,
        "two rows of markers, the third row says how many more"
    );
    let more = root
        .query_selector("button.marker-more")
        .unwrap()
        .expect("a +N button");
    assert_eq!(
        more.get_attribute("aria-label").unwrap(),
        "7 more articles on 2021-03-03: list them"
    );
    more.dyn_ref::<HtmlElement>().unwrap().click();
    let day = chrono::NaiveDate::from_ymd_opt(2021, 3, 3).unwrap();
    assert_eq!(*ranges.borrow(), [Some((day, day))]);
}

#[wasm_bindgen_test]
async fn long_entity_groups_show_the_top_rows_then_all_on_request() {
    let mut corpus = seed_corpus();
    let span = corpus.articles[0].mentions[0].span;
    for n in 0..30 {
        std::sync::Arc::make_mut(&mut corpus.entities).push(dateline_engine::linking::Entity {
            id: format!("place-{n}"),
            name: format!("Place {n}"),
            label: Label::Loc,
            aliases: Vec::new(),
            mention_count: 1,
            articles: vec![0],
        });
        let entity = corpus.entities.len() - 1;
        corpus.articles[0]
            .mentions
            .push(dateline_engine::corpus::Mention {
                span,
                label: Label::Loc,
                entity,
            });
    }
    let followed = corpus.entity_index("place-9").unwrap();
    let root = mount::<EntityPanel>(panel_props(data_of(corpus), Some(followed))).await;
    let places = || all(&root, "section[aria-label=\"Places\"] button.entity-row");
    assert_eq!(places().len(), 26, "the top 25 and the followed entity");
    assert!(places()
        .iter()
        .any(|b| b.get_attribute("data-entity").as_deref() == Some("place-9")));
    let show_all = root
        .query_selector("section[aria-label=\"Places\"] button.show-all")
        .unwrap()
        .unwrap();
    assert_eq!(show_all.text_content().unwrap(), "Show all 30");
    show_all.dyn_ref::<HtmlElement>().unwrap().click();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(places().len(), 30);
}
