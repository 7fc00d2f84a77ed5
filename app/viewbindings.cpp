#include "viewbindings.h"

#include "widgets/clusterview.h"
#include "widgets/eventspane.h"
#include "widgets/simulationsource.h"
#include "widgets/stepbanner.h"
#include "widgets/timeline.h"

using widgets::SimulationSource;

namespace ViewBindings {

void bind(widgets::ClusterView *view, const SimulationSource *source)
{
    view->setSimulation(&source->simulation());
    view->setDisplayTime(source->displayTime());
    QObject::connect(source, &SimulationSource::structureChanged, view,
                     [view, source] { view->setSimulation(&source->simulation()); });
    QObject::connect(source, &SimulationSource::advanced, view, &widgets::ClusterView::setDisplayTime);
}

void bind(widgets::EventsPane *pane, const SimulationSource *source)
{
    const auto showHistory = [pane, source] {
        const raft::History &history = source->history();
        pane->setTrace(&history.trace(), history.visibleEvents(), history.generation());
    };
    showHistory();
    QObject::connect(source, &SimulationSource::structureChanged, pane, showHistory);
    QObject::connect(source, &SimulationSource::advanced, pane, [pane, source] {
        const raft::History &history = source->history();
        pane->setVisibleCount(history.visibleEvents(), history.generation());
    });
}

void bind(widgets::Timeline *timeline, const SimulationSource *source)
{
    const auto showHistory = [timeline, source] {
        timeline->setHistory(&source->history());
        timeline->refresh();
    };
    showHistory();
    QObject::connect(source, &SimulationSource::structureChanged, timeline, showHistory);
    QObject::connect(source, &SimulationSource::advanced, timeline, &widgets::Timeline::refresh);
}

void bind(widgets::StepBanner *banner, const SimulationSource *source)
{
    QObject::connect(source, &SimulationSource::structureChanged, banner, &widgets::StepBanner::clear);
    QObject::connect(source, &SimulationSource::stepped, banner,
                     [banner, source](std::size_t firstEvent, std::size_t endEvent) {
                         banner->showStep(source->history().trace(), firstEvent, endEvent);
                         banner->show();
                     });
    QObject::connect(source, &SimulationSource::playingChanged, banner, [banner](bool playing) {
        if (playing)
            banner->hide();
    });
}

} // namespace ViewBindings
