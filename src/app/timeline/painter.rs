//! Paints a [`Scene`] on the timeline's canvas (Canvas 2D, sharp on any
//! device pixel ratio). What to draw is decided by the scene; this only
//! turns shapes into pixels, with colours taken from the page's CSS so
//! dark mode and the source colours stay in the stylesheet.

use dateline_reader::timeline::scene::{Scene, COLUMN, ROW, SPARK, STRIP};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

/// Colours of the page, read from its CSS custom properties.
#[derive(Clone, Debug, Default)]
pub struct Palette {
    ink: String,
    muted: String,
    rule: String,
    panel: String,
    accent: String,
    focus: String,
    brush: String,
    event: String,
    /// Colour 0 (the other sources) then one per leading source.
    sources: Vec<String>,
}

impl Palette {
    /// The palette in effect for `el` (light or dark scheme).
    pub fn of(el: &Element) -> Palette {
        let style = gloo::utils::window().get_computed_style(el).ok().flatten();
        let var = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        let accent = var("--accent", "#1f5fae");
        let sources = (0..=5)
            .map(|i| var(&format!("--source-{i}"), &accent))
            .collect();
        Palette {
            ink: var("--ink", "#1d1c1a"),
            muted: var("--muted", "#5f5b55"),
            rule: var("--rule", "#e3dfd8"),
            panel: var("--panel", "#ffffff"),
            focus: var("--focus", "#d9480f"),
            brush: var("--brush", "rgba(31, 95, 174, 0.12)"),
            event: var("--event", "#fbe7a6"),
            accent,
            sources,
        }
    }
}

/// What besides the scene a frame shows.
pub struct Overlay {
    /// A brushed or filtered range, in pixels.
    pub range: Option<(f64, f64)>,
    /// The followed entity's name, for the sparkline's caption.
    pub entity: Option<String>,
}

/// The 2D context of `canvas`, sized to `width` × `height` CSS pixels at
/// the device pixel ratio, with its transform set to CSS pixels.
fn context(
    canvas: &HtmlCanvasElement,
    width: f64,
    height: f64,
) -> Option<CanvasRenderingContext2d> {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let (w, h) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok()?;
    Some(ctx)
}

/// Paints `scene` on `canvas`.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, palette: &Palette, overlay: &Overlay) {
    let Some(ctx) = context(canvas, scene.width, scene.height) else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    if let Some((a, b)) = overlay.range {
        ctx.set_fill_style_str(&palette.brush);
        ctx.fill_rect(
            a.max(0.0),
            0.0,
            (b.min(scene.width) - a.max(0.0)).max(1.0),
            scene.height,
        );
    }
    ticks(&ctx, scene, palette);
    strips(&ctx, scene, palette);
    ctx.set_font("11px system-ui, sans-serif");
    ctx.set_text_baseline("middle");
    for title in &scene.lane_titles {
        ctx.set_fill_style_str(&palette.muted);
        let _ = ctx.fill_text(&title.text, 4.0, title.y + 6.0);
    }
    markers(&ctx, scene, palette);
    events(&ctx, scene, palette);
    if let Some(spark) = &scene.sparkline {
        sparkline(
            &ctx,
            spark,
            palette,
            overlay.entity.as_deref().unwrap_or(""),
        );
    }
}

fn ticks(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    ctx.set_stroke_style_str(&palette.rule);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    for t in &scene.ticks {
        let x = t.x.round() + 0.5;
        ctx.move_to(x, 18.0);
        ctx.line_to(x, scene.height);
    }
    ctx.stroke();
    ctx.set_fill_style_str(&palette.muted);
    ctx.set_font("12px system-ui, sans-serif");
    ctx.set_text_baseline("alphabetic");
    for t in &scene.ticks {
        let _ = ctx.fill_text(&t.label, t.x + 3.0, 13.0);
    }
}

fn strips(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    for strip in &scene.strips {
        ctx.set_fill_style_str(if strip.faint {
            &palette.rule
        } else {
            &palette.accent
        });
        let bottom = strip.y + STRIP - 1.0;
        for &(x, level) in &strip.bars {
            let h = (level * (STRIP - 2.0)).max(1.0);
            ctx.fill_rect(x, bottom - h, 2.0, h);
        }
    }
}

fn markers(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    let tau = std::f64::consts::TAU;
    for m in &scene.markers {
        let (x, y) = (m.x, m.y + ROW / 2.0);
        ctx.begin_path();
        let _ = ctx.arc(x, y, if m.current { 7.0 } else { 6.0 }, 0.0, tau);
        let fill = if m.current {
            &palette.focus
        } else {
            palette
                .sources
                .get(m.colour as usize)
                .unwrap_or(&palette.accent)
        };
        ctx.set_fill_style_str(fill);
        ctx.fill();
        ctx.set_stroke_style_str(&palette.panel);
        ctx.set_line_width(2.0);
        ctx.stroke();
        if let Some(label) = &m.label {
            ctx.set_fill_style_str(&palette.ink);
            let _ = ctx.fill_text(label, x + COLUMN / 2.0, y);
        }
    }
    for c in &scene.clusters {
        let text = format!("+{}", c.count);
        let w = (COLUMN - 2.0).max(text.len() as f64 * 6.5 + 6.0);
        let (x, y) = (c.x - COLUMN / 2.0 + 1.0, c.y + 4.0);
        ctx.set_fill_style_str(&palette.panel);
        ctx.fill_rect(x, y, w, ROW - 8.0);
        ctx.set_stroke_style_str(&palette.accent);
        ctx.set_line_width(1.0);
        ctx.stroke_rect(x + 0.5, y + 0.5, w - 1.0, ROW - 9.0);
        ctx.set_fill_style_str(&palette.accent);
        let _ = ctx.fill_text(&text, x + 3.0, c.y + ROW / 2.0);
    }
}

fn events(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    for e in &scene.events {
        let (x, y, w, h) = (e.x0, e.y + 4.0, e.x1 - e.x0, ROW - 8.0);
        ctx.set_fill_style_str(if e.involved {
            &palette.event
        } else {
            &palette.brush
        });
        ctx.fill_rect(x, y, w, h);
        ctx.set_stroke_style_str(&palette.accent);
        ctx.set_line_width(if e.multi { 2.0 } else { 1.0 });
        ctx.stroke_rect(x + 0.5, y + 0.5, w - 1.0, h - 1.0);
    }
    ctx.set_fill_style_str(&palette.ink);
    for e in &scene.events {
        if let Some(label) = &e.label {
            let _ = ctx.fill_text(label, e.x0.max(0.0) + 4.0, e.y + ROW / 2.0);
        }
    }
}

fn sparkline(
    ctx: &CanvasRenderingContext2d,
    spark: &dateline_reader::timeline::scene::Sparkline,
    palette: &Palette,
    entity: &str,
) {
    let bottom = spark.y + SPARK - 2.0;
    ctx.set_fill_style_str(&palette.focus);
    for &(x, v) in &spark.points {
        let h = (v * (SPARK - 10.0)).max(1.0);
        ctx.fill_rect(x - 1.5, bottom - h, 3.0, h);
    }
    ctx.set_fill_style_str(&palette.muted);
    let caption = format!("{entity}: named in up to {} articles a column", spark.peak);
    let _ = ctx.fill_text(&caption, 4.0, spark.y + 6.0);
}
