#pragma once

#include <QStringList>

namespace widgets {

/// runRenderBenchmark renders a ClusterView offscreen, frame after frame, and prints
/// one JSON line with the cost of a frame (simulation step plus paint):
/// {"frame_ms_median":..,"frame_ms_p99":..,"frames":..,"messages_in_flight":..,"width":..,"height":..}.
///
/// The world: 9 servers, 2–4 s of latency and a heartbeat tuned so that about 300
/// messages are in flight, with a client request every half second. Each frame
/// advances virtual time by 1/60 s (Simulation::advanceTo), sets the view's display
/// time and paints it into a QImage, frame after frame (--paced: one every 1/60 s of
/// wall time, as the window's timer does). The line also gives the step and paint parts, the thread's CPU time
/// per frame (which other processes on a busy machine cannot inflate) and the load.
/// Options (args, as on the command line, unknown ones ignored): --frames N (600),
/// --size WxH (1280x720), --messages N (300), --seed N (7), --no-legend, --paced.
/// The same line begins with the space-time diagram's frames (spacetime_*): nine
/// servers, a window following the playhead that holds --spacetime-messages N (10000)
/// messages, and a second window with arrows (3/4 of SpaceTimeView::kMaxArrows).
/// It creates an offscreen QApplication if none exists. Returns 0, or 1 on bad options.
int runRenderBenchmark(QStringList args);

} // namespace widgets
