//! What the Dateline reader shows, without a DOM: the deep-linkable view
//! state, search, timeline geometry, highlighting, the user's corrections,
//! the saved state and exports. The Yew components in the web crate only
//! render these and send actions; everything here is tested natively.

pub mod corrections;
pub mod export;
pub mod highlight;
pub mod names;
pub mod saved;
pub mod search;
#[cfg(test)]
mod testing;
pub mod timeline;
pub mod view;
