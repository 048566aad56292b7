//! The outputs: one tab per [`Output`] in the registry, each with copy and download.
//!
//! Every output's text sits in an element with id `out-` + [`Output::id`] whose text content
//! is exactly what the copy button copies; all of them stay in the DOM, the inactive ones
//! hidden, so tests and users' automation can read any of them at any time.
//!
//! The section is written as markup ([`crate::core::markup::outputs`]): its structure is one
//! HTML string set once, and what depends on the form is written into those elements by render
//! effects, each reading only what it shows, so a keystroke touches only the outputs that
//! changed. One listener per kind of event (click, keydown, change) on the section serves every
//! control.

use std::cell::Cell;
use std::rc::Rc;

use crate::ui::prelude::*;
use web_sys::{Element, Event};

use crate::core::diagnostic::Diagnostic;
use crate::core::markup::diagnostic_items;
use crate::core::markup::outputs::{self as markup, INCOMPLETE};
use crate::core::render::{CliOptions, Output, Rendered, Sdk, Shell, Style};
use crate::core::request::Request;
use crate::ui::Announcer;
use crate::ui::io;
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;
use crate::ui::{dom, keep};

/// True for outputs that depend on the form (the skeletons never do).
fn depends_on_form(output: Output) -> bool {
    !matches!(
        output,
        Output::SkeletonInput | Output::SkeletonYamlInput | Output::SkeletonOutput
    )
}

/// The media type a download is offered with.
fn media_type(output: Output, options: CliOptions) -> &'static str {
    match output {
        Output::Sdk => options.sdk.media_type(),
        Output::Json | Output::SkeletonInput | Output::SkeletonOutput | Output::HttpBody => {
            "application/json"
        }
        Output::Yaml | Output::SkeletonYamlInput => "application/yaml",
        Output::Cli | Output::HttpRequest => "text/plain",
    }
}

/// Where an output is in [`Output::ALL`] (the order of the tabs and panels).
fn index(output: Output) -> usize {
    Output::ALL.iter().position(|o| *o == output).unwrap_or(0)
}

/// The tab list and every panel, appended to `parent`.
pub fn mount(parent: &web_sys::Element) {
    let state = AppState::get();
    let announcer = Announcer::get();
    let mirror = Mirror::get();
    // The skeletons never change: render them once instead of on every keystroke.
    let rendered: [Signal<Rendered>; Output::ALL.len()] = Output::ALL.map(|output| {
        if depends_on_form(output) {
            Memo::new(move |_| state.rendered(output)).into()
        } else {
            Signal::stored(output.render(&Request::default(), CliOptions::default()))
        }
    });
    let Some(section) = dom::append(parent, "section", "outputs", &markup::section()) else {
        return;
    };
    dom::set_attr(&section, "aria-labelledby", "outputs-title");
    {
        let section = &section;
        show_outputs(section, rendered);
        show_incomplete(section, state);
        show_options(section, state);
        let handlers = Rc::new(Handlers {
            tabs: TabList::find(section),
            rendered,
            state,
            announcer,
            mirror,
        });
        // One closure type for the three listeners: its code is compiled once.
        for event in ["click", "keydown", "change"] {
            let handlers = Rc::clone(&handlers);
            dom::listen(section, event, move |ev| handlers.handle(event, &ev));
        }
    }
}

/// Writes every output's text and notes, and keeps those that depend on the form up to date.
/// The notes have their own memo, so a keystroke that changes the text alone rebuilds no note.
fn show_outputs(section: &Element, rendered: [Signal<Rendered>; Output::ALL.len()]) {
    for (output, rendered) in Output::ALL.into_iter().zip(rendered) {
        let text_id = markup::text_id(output);
        let (Some(text), Some(notes_list)) = (
            dom::find(section, &format!("#{text_id}")),
            dom::find(section, &format!("#{text_id} + .notes")),
        ) else {
            continue;
        };
        if !depends_on_form(output) {
            rendered.with_untracked(|r| {
                text.set_text_content(Some(&r.text));
                if !r.notes.is_empty() {
                    notes_list.set_inner_html(&diagnostic_items(&r.notes));
                }
            });
            continue;
        }
        let notes: Memo<Vec<Diagnostic>> = Memo::new(move |_| rendered.with(|r| r.notes.clone()));
        keep(RenderEffect::new(move |_| {
            rendered.with(|r| text.set_text_content(Some(&r.text)));
        }));
        // The list starts empty: no need to empty it again on the first run.
        let first = Cell::new(true);
        keep(RenderEffect::new(move |_| {
            notes.with(|n| {
                if !first.replace(false) || !n.is_empty() {
                    notes_list.set_inner_html(&diagnostic_items(n));
                }
            });
        }));
    }
}

/// Marks the outputs that depend on the form as incomplete while it has errors: a note above
/// the text and the `has-errors` class on it.
fn show_incomplete(section: &Element, state: AppState) {
    let texts: Vec<Element> = Output::ALL
        .into_iter()
        .filter(|o| depends_on_form(*o))
        .filter_map(|o| dom::find(section, &format!("#{}", markup::text_id(o))))
        .collect();
    let section = section.clone();
    // The markup starts complete.
    let shown = Cell::new(false);
    keep(RenderEffect::new(move |_| {
        let incomplete = state.has_errors();
        if shown.replace(incomplete) == incomplete {
            return;
        }
        let class = if incomplete {
            "code has-errors"
        } else {
            "code"
        };
        for text in &texts {
            dom::set_attr(text, "class", class);
            if incomplete {
                let _ = text.insert_adjacent_html("beforebegin", INCOMPLETE);
            }
        }
        if !incomplete {
            while let Some(note) = dom::find(&section, ".incomplete") {
                note.remove();
            }
        }
    }));
}

/// Shows the command's shell and style and the program's language in their choices, and the
/// command's and the program's file names.
fn show_options(section: &Element, state: AppState) {
    let (Some(shell), Some(style), Some(file_name), Some(sdk), Some(sdk_file_name)) = (
        dom::find(section, "#opt-shell"),
        dom::find(section, "#opt-style"),
        dom::find(section, "#panel-cli .file-name"),
        dom::find(section, "#opt-sdk"),
        dom::find(section, "#panel-sdk .file-name"),
    ) else {
        return;
    };
    keep(RenderEffect::new(move |_| {
        let options = state.options();
        choose(&shell, options.shell.as_str());
        choose(&style, options.style.as_str());
        file_name.set_text_content(Some(Output::Cli.file_name(options)));
        choose(&sdk, options.sdk.as_str());
        sdk_file_name.set_text_content(Some(Output::Sdk.file_name(options)));
    }));
}

/// Shows `value` in a `<select>` and marks that option, alone, as the selected one.
fn choose(select: &Element, value: &str) {
    if let Some(before) = dom::find(select, "[selected]") {
        dom::toggle_attr(&before, "selected", false);
    }
    if let Some(option) = dom::find(select, &format!("option[value=\"{value}\"]")) {
        dom::toggle_attr(&option, "selected", true);
    }
    io::set_control_value(select, value);
}

/// What the section's listeners need.
struct Handlers {
    tabs: TabList,
    rendered: [Signal<Rendered>; Output::ALL.len()],
    state: AppState,
    announcer: Announcer,
    mirror: Mirror,
}

impl Handlers {
    fn handle(&self, event: &str, ev: &Event) {
        match event {
            "click" => self.click(ev),
            "keydown" => self.keydown(ev),
            _ => self.change(ev),
        }
    }

    /// A tab chooses its output; copy and download act on their panel's output.
    fn click(&self, ev: &Event) {
        let Some(button) = dom::target(ev).and_then(|t| dom::closest(&t, "button")) else {
            return;
        };
        let Some(output) = dom::closest(&button, "[data-output]")
            .and_then(|e| e.get_attribute("data-output"))
            .and_then(|id| markup::output_named(&id))
        else {
            return;
        };
        if button.get_attribute("role").as_deref() == Some("tab") {
            self.tabs.choose(index(output));
            return;
        }
        let text = || self.rendered[index(output)].with_untracked(|r| r.text.clone());
        match button.get_attribute("class").as_deref() {
            Some("copy") => self.copy(output, text()),
            Some("download") => {
                let options = if output.uses_options() {
                    self.state.options_untracked()
                } else {
                    CliOptions::default()
                };
                let name = output.file_name(options);
                if io::download(name, &text(), media_type(output, options)) {
                    self.announcer.say(format!("Downloading {name}."));
                }
            }
            _ => {}
        }
    }

    /// Puts an output's text on the clipboard and says how that went.
    fn copy(&self, output: Output, text: String) {
        let announcer = self.announcer;
        wasm_bindgen_futures::spawn_local(async move {
            if io::copy(&text).await {
                announcer.say(format!("Copied {} to the clipboard.", output.title()));
            } else {
                announcer.say("The browser refused the clipboard; select the text and copy it.");
            }
        });
    }

    /// The arrow keys move between the tabs, wrapping around, and take the focus along.
    fn keydown(&self, ev: &Event) {
        let step = match dom::key(ev).as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            _ => return,
        };
        if dom::target(ev)
            .and_then(|t| dom::closest(&t, "[role=tablist]"))
            .is_none()
        {
            return;
        }
        ev.prevent_default();
        let next = self.tabs.step(step);
        io::focus(&markup::tab_id(Output::ALL[next]));
    }

    /// The shell, style and language choices.
    fn change(&self, ev: &Event) {
        let Some(select) = dom::target(ev) else {
            return;
        };
        let value = dom::value(&select);
        match select.get_attribute("name").as_deref() {
            Some("shell") => {
                if let Some(shell) = Shell::parse(&value) {
                    self.state.set_shell(shell);
                    self.mirror.flush();
                }
            }
            Some("style") => {
                if let Some(style) = Style::parse(&value) {
                    self.state.set_style(style);
                    self.mirror.flush();
                }
            }
            Some("sdk") => {
                if let Some(sdk) = Sdk::parse(&value) {
                    self.state.set_sdk(sdk);
                    self.mirror.flush();
                }
            }
            _ => {}
        }
    }
}

/// The tabs and panels, in the order of [`Output::ALL`], and which one is shown.
struct TabList {
    tabs: [Option<Element>; Output::ALL.len()],
    panels: [Option<Element>; Output::ALL.len()],
    active: Cell<usize>,
}

impl TabList {
    /// Finds them under the section, the first one shown (as the markup writes it).
    fn find(section: &Element) -> Self {
        Self {
            tabs: Output::ALL.map(|o| dom::find(section, &format!("#{}", markup::tab_id(o)))),
            panels: Output::ALL.map(|o| dom::find(section, &format!("#panel-{}", o.id()))),
            active: Cell::new(0),
        }
    }

    /// Shows the tab at `next` and hides the one shown before. No signal: nothing else reads
    /// which tab is shown, so the two tabs and panels that change are written directly.
    fn choose(&self, next: usize) {
        let before = self.active.replace(next);
        if before != next {
            self.mark(before, false);
            self.mark(next, true);
        }
    }

    /// Shows the tab `step` places away, wrapping around at both ends; returns its index.
    fn step(&self, step: isize) -> usize {
        let len = Output::ALL.len().cast_signed();
        let next = (self.active.get().cast_signed() + step)
            .rem_euclid(len)
            .cast_unsigned();
        self.choose(next);
        next
    }

    fn mark(&self, at: usize, shown: bool) {
        if let Some(tab) = &self.tabs[at] {
            dom::set_attr(tab, "aria-selected", if shown { "true" } else { "false" });
            dom::set_attr(tab, "tabindex", if shown { "0" } else { "-1" });
        }
        if let Some(panel) = &self.panels[at] {
            dom::toggle_attr(panel, "hidden", !shown);
        }
    }
}
