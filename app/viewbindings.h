#pragma once

namespace widgets {
class ClusterView;
class EventsPane;
class SimulationSource;
class StepBanner;
class Timeline;
} // namespace widgets

/// ViewBindings subscribes the views that do not take a widgets::SimulationSource
/// themselves yet: each function shows the source's current world in the view and
/// connects the view's own slots to the source's signals, once. It is what the view's
/// setSource() will do when the view's owner adds it; the window then calls that instead.
namespace ViewBindings {

/// bind: the cluster view draws the source's world at its display time.
void bind(widgets::ClusterView *view, const widgets::SimulationSource *source);
/// bind: the events pane lists the history's events up to the live step.
void bind(widgets::EventsPane *pane, const widgets::SimulationSource *source);
/// bind: the timeline shows the history and its playhead.
void bind(widgets::Timeline *timeline, const widgets::SimulationSource *source);
/// bind: the step banner explains each step, and makes room again while the clock runs.
void bind(widgets::StepBanner *banner, const widgets::SimulationSource *source);

} // namespace ViewBindings
