// The GUI monkey (issue 14): thousands of random clicks, double-clicks, right-clicks,
// drags, wheel turns, keys, menu commands, context-menu entries, clock moves, steps
// back, branches, lessons, saves and reopens against the real MainWindow, offscreen.
// After every action the window must still be there, a run without bug switches must
// report no invariant violation, and every saved run must reopen (in a fresh window
// and in the same one) to the same state and the same trace, byte for byte.
//
// Each seed is one gtest case (Seeds/MonkeyTest.…/Seed<N>, ctest label "monkey"); a
// failure names its seed, its action number and the last actions. Run longer, or
// replay one seed, from the build (docs/testing.md):
//   RAFTVIZ_MONKEY_SEEDS=1-50 RAFTVIZ_MONKEY_STEPS=5000 build/tests/widget_tests --gtest_filter='*Monkey*'
#include "windowfixture.h"

#include "app/clientrequestdialog.h"
#include "app/commandguards.h"
#include "app/newclusterdialog.h"
#include "app/runio.h"
#include "raft/runfile.h"
#include "widgets/clusterview.h"
#include "widgets/eventmodel.h"
#include "widgets/eventspane.h"
#include "widgets/inspector.h"
#include "widgets/logview.h"
#include "widgets/selection.h"
#include "widgets/spacetimeview.h"
#include "widgets/timeline.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QContextMenuEvent>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPointer>
#include <QTableView>
#include <QTimer>
#include <QWheelEvent>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

/// envNumber reads a positive number from the environment, or returns fallback.
std::uint64_t envNumber(const char *name, std::uint64_t fallback)
{
    const QByteArray value = qgetenv(name);
    bool ok = false;
    const qulonglong n = value.toULongLong(&ok);
    return ok && n > 0 ? n : fallback;
}

/// monkeySeeds are the seeds to play: RAFTVIZ_MONKEY_SEEDS is one seed "N", a range
/// "A-B" or a list "A,B,C"; the default is 1, 2 and 3.
std::vector<std::uint64_t> monkeySeeds()
{
    const QString text = QString::fromLatin1(qgetenv("RAFTVIZ_MONKEY_SEEDS")).trimmed();
    std::vector<std::uint64_t> seeds;
    if (text.contains(QLatin1Char('-'))) {
        const QStringList ends = text.split(QLatin1Char('-'));
        const qulonglong first = ends.value(0).toULongLong();
        const qulonglong last = ends.value(1).toULongLong();
        for (qulonglong seed = first; seed >= 1 && seed <= last; ++seed)
            seeds.push_back(seed);
    } else if (text.contains(QLatin1Char(','))) {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (const qulonglong seed = part.trimmed().toULongLong())
                seeds.push_back(seed);
    } else if (const std::uint64_t seed = envNumber("RAFTVIZ_MONKEY_SEEDS", 0)) {
        seeds.push_back(seed);
    } else {
        seeds = {1, 2, 3};
    }
    if (seeds.empty())
        seeds.push_back(1);
    return seeds;
}

/// skippedActions are the commands the monkey never triggers: they open file dialogs (Save
/// and Open go through the window's path seams instead), start other processes or
/// threads (Live Cluster, Election Timing), or quit.
const std::set<QString> &skippedActions()
{
    static const std::set<QString> names = {
        QStringLiteral("openScenarioAction"), QStringLiteral("openRunAction"),
        QStringLiteral("saveRunAction"),      QStringLiteral("exportTraceAction"),
        QStringLiteral("exportLogAction"),    QStringLiteral("savePictureAction"),
        QStringLiteral("exportPictureAction"), QStringLiteral("exportAnimationAction"),
        QStringLiteral("quitAction"),         QStringLiteral("liveClusterAction"),
        QStringLiteral("electionTimingAction"),
    };
    return names;
}

} // namespace

/// MonkeyTest plays one seed: RAFTVIZ_MONKEY_STEPS random actions (default 1000).
class MonkeyTest : public WindowFixture, public ::testing::WithParamInterface<std::uint64_t> {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        m_rng.seed(GetParam());
        controller().setFrameTimerEnabled(false); // the monkey moves time, frame by frame
        // Dialogs that run their own event loop (exec) are answered from inside it.
        m_dialogTimer.setInterval(1);
        QObject::connect(&m_dialogTimer, &QTimer::timeout, [this] { answerDialogs(); });
        m_dialogTimer.start();
    }

    void TearDown() override
    {
        m_dialogTimer.stop();
        answerDialogs();
        WindowFixture::TearDown();
    }

    // --- randomness ---
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_rng() % n; }
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <typename T> const T &pick(const std::vector<T> &items) { return items[below(items.size())]; }
    raft::NodeId randomNode() { return static_cast<raft::NodeId>(1 + below(std::max(1, sim().size()))); }

    /// note records what the monkey does, for the failure message.
    void note(std::string text)
    {
        if (m_verbose)
            std::fprintf(stderr, "monkey %llu #%d: %s\n", static_cast<unsigned long long>(GetParam()), m_step,
                         text.c_str());
        m_recent.push_back(std::to_string(m_step) + ": " + std::move(text));
        if (m_recent.size() > 25)
            m_recent.pop_front();
    }
    std::string where()
    {
        std::string text = "seed " + std::to_string(GetParam()) + ", action " + std::to_string(m_step)
            + " (replay: RAFTVIZ_MONKEY_SEEDS=" + std::to_string(GetParam()) + " RAFTVIZ_MONKEY_STEPS="
            + std::to_string(m_steps) + " RAFTVIZ_MONKEY_VERBOSE=1 build/tests/widget_tests --gtest_filter='*Monkey*')";
        if (m_alive)
            text += "\nat step " + std::to_string(history().currentStep()) + " of "
                + std::to_string(history().frontierStep()) + ", generation " + std::to_string(history().generation())
                + ", trace " + std::to_string(history().trace().size()) + " events, "
                + (controller().isPlaying() ? "playing" : "paused")
                + (controller().isScenarioRunning() ? ", lesson running" : "");
        text += "\nlast actions:\n";
        for (const std::string &line : m_recent)
            text += "  " + line + "\n";
        return text;
    }

    // --- dialogs and popups ---
    /// answerDialogs answers the modal dialog open, if any: file dialogs are cancelled,
    /// the few that only change the world are accepted half of the time.
    void answerDialogs()
    {
        // A menu shown with exec() inside an action (a spin box's context menu, a tool
        // button's menu) blocks like a dialog: close it. Popups shown with popup() stay
        // for the action that opened them (rightClick picks an entry).
        if (m_acting)
            if (QWidget *popup = QApplication::activePopupWidget()) {
                note(std::string("close blocking popup ") + popup->metaObject()->className());
                popup->close();
            }
        for (int guard = 0; guard < 8; ++guard) {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            auto *dialog = qobject_cast<QDialog *>(modal);
            const bool acceptable = qobject_cast<NewClusterDialog *>(modal) || qobject_cast<ClientRequestDialog *>(modal)
                || qobject_cast<QInputDialog *>(modal);
            const bool accept = acceptable && !qobject_cast<QFileDialog *>(modal) && chance(50);
            note(std::string(accept ? "accept " : "dismiss ") + modal->metaObject()->className() + " "
                 + modal->objectName().toStdString());
            if (dialog && accept)
                dialog->accept();
            else if (dialog)
                dialog->reject();
            else
                modal->close();
        }
    }

    static void settle()
    {
        QApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // --- where to click ---
    /// Target is a widget to send mouse events to and a point in it.
    struct Target {
        QWidget *widget = nullptr;
        QPointF pos;
        const char *name = "";
    };
    static QWidget *surface(QWidget *widget)
    {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
            return area->viewport();
        return widget;
    }
    QPointF randomPoint(QWidget *widget)
    {
        const int w = std::max(1, widget->width());
        const int h = std::max(1, widget->height());
        return QPointF(static_cast<double>(below(static_cast<std::uint64_t>(w))),
                       static_cast<double>(below(static_cast<std::uint64_t>(h))));
    }
    /// clusterPoint is a point of the cluster view: a server, a message, a link's
    /// middle or anywhere.
    QPointF clusterPoint()
    {
        widgets::ClusterView *view = m_window->clusterView();
        const auto jitter = [this] { return static_cast<double>(below(13)) - 6.0; };
        switch (below(5)) {
        case 0:
        case 1: return view->nodeCenter(randomNode()) + QPointF(jitter(), jitter());
        case 2: {
            const std::vector<const raft::Envelope *> flying = sim().network().envelopes();
            if (!flying.empty())
                if (const auto at = view->messagePosition(pick(flying)->id))
                    return *at;
            return randomPoint(view);
        }
        case 3: return (view->nodeCenter(randomNode()) + view->nodeCenter(randomNode())) / 2.0;
        default: return randomPoint(view);
        }
    }
    Target randomTarget()
    {
        switch (below(7)) {
        case 0:
        case 1:
        case 2: return {m_window->clusterView(), clusterPoint(), "cluster"};
        case 3: {
            QWidget *w = m_window->timeline();
            return {w, randomPoint(w), "timeline"};
        }
        case 4: {
            auto *table = m_window->logView()->findChild<QTableView *>();
            QWidget *w = table ? surface(table) : static_cast<QWidget *>(m_window->logView());
            return {w, randomPoint(w), "log grid"};
        }
        case 5: {
            QWidget *w = m_window->spaceTimeView();
            return {w, randomPoint(w), "space-time"};
        }
        default: {
            // Anywhere in the window: the toolbar, the docks, the lesson bar, the menu bar.
            const QPoint at = randomPoint(m_window.get()).toPoint();
            QWidget *child = m_window->childAt(at);
            if (!child)
                return {m_window.get(), at, "window"};
            return {child, child->mapFrom(m_window.get(), at), "window child"};
        }
        }
    }
    Qt::KeyboardModifiers randomModifiers()
    {
        switch (below(8)) {
        case 0: return Qt::ControlModifier;
        case 1: return Qt::ShiftModifier;
        default: return Qt::NoModifier;
        }
    }
    static void sendMouse(QWidget *widget, QEvent::Type type, QPointF pos, Qt::MouseButton button,
                          Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers)
    {
        QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, modifiers);
        QApplication::sendEvent(widget, &event);
    }
    static std::string describe(const Target &t)
    {
        const QString name = t.widget->objectName();
        return std::string(t.name) + " " + t.widget->metaObject()->className()
            + (name.isEmpty() ? std::string() : " " + name.toStdString()) + " at "
            + std::to_string(static_cast<int>(t.pos.x())) + "," + std::to_string(static_cast<int>(t.pos.y()));
    }

    // --- the actions ---
    void click()
    {
        const Target t = randomTarget();
        const Qt::KeyboardModifiers mods = randomModifiers();
        const bool twice = chance(25);
        note(std::string(twice ? "double-click " : "click ") + describe(t));
        QPointer<QWidget> w = t.widget;
        sendMouse(w, QEvent::MouseButtonPress, t.pos, Qt::LeftButton, Qt::LeftButton, mods);
        if (w)
            sendMouse(w, QEvent::MouseButtonRelease, t.pos, Qt::LeftButton, Qt::NoButton, mods);
        if (twice && w) {
            sendMouse(w, QEvent::MouseButtonDblClick, t.pos, Qt::LeftButton, Qt::LeftButton, mods);
            if (w)
                sendMouse(w, QEvent::MouseButtonRelease, t.pos, Qt::LeftButton, Qt::NoButton, mods);
        }
    }
    void drag()
    {
        const Target t = randomTarget();
        const Qt::KeyboardModifiers mods = randomModifiers();
        QPointF end = t.name == std::string("cluster") ? clusterPoint() : randomPoint(t.widget);
        const bool middle = chance(15);
        const Qt::MouseButton button = middle ? Qt::MiddleButton : Qt::LeftButton;
        note("drag " + describe(t) + " to " + std::to_string(static_cast<int>(end.x())) + ","
             + std::to_string(static_cast<int>(end.y())));
        QPointer<QWidget> w = t.widget;
        sendMouse(w, QEvent::MouseButtonPress, t.pos, button, button, mods);
        const int moves = 1 + static_cast<int>(below(6));
        for (int i = 1; i <= moves && w; ++i)
            sendMouse(w, QEvent::MouseMove, t.pos + (end - t.pos) * (static_cast<double>(i) / moves), Qt::NoButton,
                      button, mods);
        if (w)
            sendMouse(w, QEvent::MouseButtonRelease, end, button, Qt::NoButton, mods);
    }
    void wheel()
    {
        const Target t = randomTarget();
        const int delta = chance(50) ? 120 : -120;
        note("wheel " + std::to_string(delta) + " " + describe(t));
        QWheelEvent event(t.pos, t.widget->mapToGlobal(t.pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                          randomModifiers(), Qt::NoScrollPhase, false);
        QApplication::sendEvent(t.widget, &event);
    }
    /// rightClick opens a context menu where the user would and, most of the time,
    /// triggers one of its enabled entries.
    void rightClick()
    {
        const Target t = randomTarget();
        note("right-click " + describe(t));
        QPointer<QWidget> w = t.widget;
        sendMouse(w, QEvent::MouseButtonPress, t.pos, Qt::RightButton, Qt::RightButton, Qt::NoModifier);
        if (w)
            sendMouse(w, QEvent::MouseButtonRelease, t.pos, Qt::RightButton, Qt::NoButton, Qt::NoModifier);
        if (!w)
            return;
        QContextMenuEvent event(QContextMenuEvent::Mouse, t.pos.toPoint(), w->mapToGlobal(t.pos.toPoint()));
        QApplication::sendEvent(w, &event);
        m_acting = false; // the menu it opened stays open while the monkey picks an entry
        settle();
        m_acting = true;
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        std::vector<QAction *> entries;
        collect(menu, entries);
        if (entries.empty() || chance(15)) {
            closePopups();
            return;
        }
        QAction *entry = pick(entries);
        note("  menu " + menu->objectName().toStdString() + " › " + entry->objectName().toStdString() + " “"
             + entry->text().toStdString() + "”");
        QPointer<QAction> guard = entry;
        closePopups();
        if (guard)
            guard->trigger();
    }
    /// collect gathers a menu's enabled entries and those of its submenus.
    static void collect(QMenu *menu, std::vector<QAction *> &out)
    {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isEnabled() || !action->isVisible())
                continue;
            if (action->menu()) {
                collect(action->menu(), out);
                continue;
            }
            if (skippedActions().count(action->objectName()) == 0)
                out.push_back(action);
        }
    }
    void menuCommand()
    {
        std::vector<QAction *> actions;
        for (QAction *top : m_window->menuBar()->actions())
            if (top->menu())
                collect(top->menu(), actions);
        if (actions.empty())
            return;
        QAction *action = pick(actions);
        note("menu " + action->objectName().toStdString() + " “" + action->text().toStdString() + "”");
        action->trigger();
    }
    /// key presses one of the window's shortcuts, or a key the views may take.
    void key()
    {
        std::vector<QKeyCombination> keys;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (skippedActions().count(action->objectName()) != 0)
                continue;
            for (const QKeySequence &sequence : action->shortcuts())
                if (!sequence.isEmpty())
                    keys.push_back(sequence[0]);
        }
        for (Qt::Key extra : {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down, Qt::Key_Home, Qt::Key_End,
                              Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Tab, Qt::Key_Escape, Qt::Key_Delete,
                              Qt::Key_Return, Qt::Key_Space})
            keys.push_back(QKeyCombination(extra));
        const QKeyCombination combo = pick(keys);
        QWidget *target = QApplication::focusWidget();
        if (!target || chance(30))
            target = m_window.get();
        note("key " + QKeySequence(combo).toString().toStdString() + " to " + target->metaObject()->className());
        QTest::keyClick(target, combo.key(), combo.keyboardModifiers());
    }
    /// clock plays, pauses, steps, seeks or lets frames pass.
    void clock()
    {
        const raft::History &h = history();
        switch (below(9)) {
        case 0: note("toggle play"); controller().togglePlay(); break;
        case 1: note("step"); controller().stepOnce(); break;
        case 2: {
            const int n = 1 + static_cast<int>(below(20));
            note("step back x" + std::to_string(n));
            for (int i = 0; i < n; ++i)
                controller().stepBack();
            break;
        }
        case 3: {
            const raft::Time t = static_cast<raft::Time>(below(static_cast<std::uint64_t>(h.frontierTime()) + 1));
            note("seek to time " + std::to_string(t));
            controller().seekToTime(t);
            break;
        }
        case 4: {
            const std::uint64_t s = below(h.frontierStep() + 1);
            note("seek to step " + std::to_string(s));
            controller().seekToStep(s);
            break;
        }
        case 5: {
            const raft::Time t = sim().now() + static_cast<raft::Time>(below(3000));
            note("run to " + std::to_string(t));
            controller().runTo(t);
            break;
        }
        default: {
            const int frames = 1 + static_cast<int>(below(30));
            const double wallMs = 5.0 + static_cast<double>(below(200));
            note("play " + std::to_string(frames) + " frames of " + std::to_string(static_cast<int>(wallMs)) + " ms");
            controller().play();
            for (int i = 0; i < frames; ++i)
                controller().advanceFrame(wallMs);
            break;
        }
        }
    }
    /// branch goes back and acts there, which starts a new branch.
    void branch()
    {
        const std::uint64_t s = below(history().frontierStep() + 1);
        const raft::NodeId id = randomNode();
        m_window->setBranchAnswer(true);
        note("branch at step " + std::to_string(s) + " on S" + std::to_string(id));
        controller().seekToStep(s);
        switch (below(6)) {
        case 0: controller().crash(id); break;
        case 1: controller().restart(id); break;
        case 2: controller().isolate(id); break;
        case 3: controller().heal(); break;
        case 4: controller().timeoutNow(id); break;
        default: controller().requestNext(); break;
        }
    }
    void lesson()
    {
        std::vector<QAction *> lessons;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->objectName().startsWith(QStringLiteral("scenario:")))
                lessons.push_back(action);
        if (lessons.empty())
            return;
        QAction *action = pick(lessons);
        note("lesson " + action->objectName().toStdString());
        action->trigger();
        lessonFrames();
    }
    /// lessonFrames plays the lesson a while and answers as a class would, or presses
    /// a random button of the lesson bar.
    void lessonFrames()
    {
        const int frames = 5 + static_cast<int>(below(60));
        note("lesson frames x" + std::to_string(frames));
        for (int i = 0; i < frames; ++i) {
            switch (controller().lessonStop()) {
            case raft::PlayerStop::Say:
            case raft::PlayerStop::Reveal:
                if (chance(80))
                    controller().nextLine();
                else
                    controller().previousLine();
                break;
            case raft::PlayerStop::Ask: controller().answerQuestion(static_cast<int>(below(4))); break;
            case raft::PlayerStop::Wait: controller().continueLesson(); break;
            case raft::PlayerStop::End: return;
            case raft::PlayerStop::None: controller().play(); break;
            }
            controller().advanceFrame(10.0 + static_cast<double>(below(200)));
            if (!checkAfter())
                return;
        }
    }
    void lessonButton()
    {
        std::vector<QAbstractButton *> buttons;
        if (auto *bar = m_window->findChild<QWidget *>(QStringLiteral("lessonBar")))
            for (QAbstractButton *button : bar->findChildren<QAbstractButton *>())
                if (button->isVisible() && button->isEnabled())
                    buttons.push_back(button);
        if (buttons.empty())
            return;
        QAbstractButton *button = pick(buttons);
        note("lesson button " + button->objectName().toStdString());
        button->click();
    }
    void newCluster()
    {
        raft::ClusterConfig config;
        config.nodes = 1 + static_cast<int>(below(7));
        config.servers = chance(30) ? std::min(9, config.nodes + 1 + static_cast<int>(below(2))) : 0;
        config.seed = 1 + below(1'000'000);
        config.preVote = chance(40);
        config.checkQuorum = chance(40);
        config.noop = chance(80);
        config.sessions = chance(70);
        config.snapshotEvery = chance(30) ? 3 + below(30) : 0;
        config.snapshotChunk = chance(30) ? 8 + below(200) : 0;
        if (chance(20)) {
            config.diskLatencyMin = static_cast<raft::Time>(below(5));
            config.diskLatencyMax = config.diskLatencyMin + static_cast<raft::Time>(below(20));
        }
        config.reads = config.checkQuorum && chance(50) ? raft::ReadMode::Lease : raft::ReadMode::ReadIndex;
        config.network.loss = chance(30) ? static_cast<double>(below(30)) / 100.0 : 0.0;
        config.network.duplicate = chance(30) ? static_cast<double>(below(30)) / 100.0 : 0.0;
        config.autoClient = chance(30) ? static_cast<raft::Time>(50 + below(300)) : 0;
        if (!config.validate().empty())
            config = raft::ClusterConfig{};
        note("new cluster: " + std::to_string(config.nodes) + " voters of " + std::to_string(config.machines())
             + ", seed " + std::to_string(config.seed));
        controller().newCluster(config);
    }
    raft::NetworkConfig randomNetwork()
    {
        raft::NetworkConfig network;
        network.latencyMin = static_cast<raft::Time>(below(60));
        network.latencyMax = network.latencyMin + static_cast<raft::Time>(below(400));
        network.loss = chance(50) ? static_cast<double>(below(60)) / 100.0 : 0.0;
        network.duplicate = chance(50) ? static_cast<double>(below(60)) / 100.0 : 0.0;
        return network;
    }
    std::uint64_t randomMessage()
    {
        const std::vector<const raft::Envelope *> flying = sim().network().envelopes();
        return flying.empty() ? 1 + below(1000) : pick(flying)->id;
    }
    /// world calls one of the controller's commands with random arguments, as the
    /// network pane, the dialogs and the context menus do (more of them per action
    /// than random clicks reach).
    void world()
    {
        const raft::NodeId a = randomNode();
        const raft::NodeId b = randomNode();
        SimulationController &c = controller();
        switch (below(20)) {
        case 0: {
            std::vector<std::vector<raft::NodeId>> groups(2 + below(2));
            for (raft::NodeId id = 1; id <= sim().size(); ++id)
                groups[below(groups.size())].push_back(id);
            note("partition into " + std::to_string(groups.size()) + " groups");
            c.partition(groups);
            break;
        }
        case 1: note("cut S" + std::to_string(a) + "-S" + std::to_string(b)); c.cut(a, b, chance(50)); break;
        case 2: note("restore S" + std::to_string(a) + "-S" + std::to_string(b)); c.restoreLink(a, b, chance(50)); break;
        case 3: note("network conditions"); c.setNetworkConfig(randomNetwork()); break;
        case 4: {
            note("link conditions S" + std::to_string(a) + "->S" + std::to_string(b));
            if (chance(30))
                c.setLinkConditions(a, b, std::nullopt);
            else
                c.setLinkConditions(a, b, randomNetwork());
            break;
        }
        case 5: note("drop a message"); c.dropMessage(randomMessage()); break;
        case 6: note("duplicate a message"); c.duplicateMessage(randomMessage()); break;
        case 7: {
            const std::vector<std::uint64_t> waiting = c.waitingMessages();
            note("deliver a waiting message");
            c.deliverMessage(waiting.empty() ? randomMessage() : pick(waiting));
            break;
        }
        case 8: note("hold"); c.setHold(chance(50)); break;
        case 9: note("add S" + std::to_string(a)); c.addServer(chance(70) ? a : a + 1); break;
        case 10: note("remove S" + std::to_string(a)); c.removeServer(a); break;
        case 11: note("make S" + std::to_string(a) + " leader"); c.makeLeader(a); break;
        case 12: note("snapshot S" + std::to_string(a)); c.takeSnapshot(a); break;
        case 13: note("read at S" + std::to_string(a)); c.read(a, chance(50) ? QStringLiteral("x") : QStringLiteral("y")); break;
        case 14: {
            const QString command = chance(80) ? QStringLiteral("set x %1").arg(below(100)) : QStringLiteral("del x");
            note("request at S" + std::to_string(a) + ": " + command.toStdString());
            c.request(a, command);
            break;
        }
        case 15: note("pause S" + std::to_string(a)); c.pauseNode(a); break;
        case 16: note("resume S" + std::to_string(a)); c.resumeNode(a); break;
        case 17: note("crash S" + std::to_string(a)); c.crash(a); break;
        case 18: note("restart S" + std::to_string(a)); c.restart(a); break;
        default: {
            const double speed = SimulationController::speedLadder()[below(SimulationController::speedLadder().size())];
            note("speed " + std::to_string(speed));
            c.setSpeed(speed);
            break;
        }
        }
    }
    void resize()
    {
        const int w = 300 + static_cast<int>(below(1400));
        const int h = 200 + static_cast<int>(below(900));
        note("resize to " + std::to_string(w) + "x" + std::to_string(h));
        m_window->resize(w, h);
    }
    void picture()
    {
        const PictureExport::View views[] = {PictureExport::View::Window, PictureExport::View::Cluster,
                                             PictureExport::View::SpaceTime, PictureExport::View::Log};
        const PictureExport::View view = views[below(4)];
        const bool svg = chance(30);
        note(std::string("picture ") + std::to_string(static_cast<int>(view)) + (svg ? " svg" : " png"));
        EXPECT_EQ(m_window->exportPictureFile(view, path(svg ? "picture.svg" : "picture.png"), chance(20) ? 2.0 : 1.0),
                  QString())
            << where();
    }
    void exportFiles()
    {
        note("export trace and log table");
        EXPECT_EQ(m_window->exportTraceFile(path("trace.jsonl")), QString()) << where();
        EXPECT_EQ(m_window->exportLogTableFile(path("log.csv")), QString()) << where();
    }

    /// saveAndReopen saves the run, opens it in a fresh window and checks that it is
    /// the same run; sometimes it also reopens it over the monkey's own window.
    bool saveAndReopen()
    {
        const QString file = path("monkey.raftrun");
        const bool same = chance(30);
        note(std::string("save and reopen") + (same ? " (here too)" : ""));
        const QString error = m_window->saveRunFile(file);
        if (!error.isEmpty()) {
            ADD_FAILURE() << "save: " << error.toStdString() << "\n" << where();
            return false;
        }
        QFile saved(file);
        if (!saved.open(QIODevice::ReadOnly)) {
            ADD_FAILURE() << "cannot read the saved run\n" << where();
            return false;
        }
        const QByteArray bytes = saved.readAll();
        const raft::Simulation before = sim();
        const QByteArray traceBefore = RunIo::traceJsonLines(history().trace(), history().trace().size());
        const std::size_t visibleBefore = history().visibleEvents();
        const std::uint64_t frontierBefore = history().frontierStep();

        MainWindowOptions options;
        options.useSettings = false;
        options.autoPlay = false;
        MainWindow fresh(options);
        const auto sameAsSaved = [&](MainWindow &window, const char *which) {
            const SimulationController &c = *window.controller();
            const QString opened = window.openRunFile(file, false);
            EXPECT_EQ(opened, QString()) << which << "\n" << where();
            if (!opened.isEmpty())
                return false;
            const raft::History &h = c.history();
            EXPECT_TRUE(c.simulation() == before)
                << which << ": the reopened world differs (" << differences(c.simulation(), before) << ")\n"
                << where();
            EXPECT_EQ(h.frontierStep(), frontierBefore) << which << "\n" << where();
            EXPECT_EQ(h.visibleEvents(), visibleBefore) << which << "\n" << where();
            const QByteArray trace = RunIo::traceJsonLines(h.trace(), h.trace().size());
            EXPECT_TRUE(trace == traceBefore) << which << ": the reopened trace differs\n" << where();
            const QByteArray again = QByteArray::fromStdString(raft::formatRunFile(c.runFile()));
            EXPECT_TRUE(again == bytes) << which << ": saving the reopened run writes another file\n" << where();
            return c.simulation() == before && trace == traceBefore && again == bytes;
        };
        if (!sameAsSaved(fresh, "fresh window"))
            return false;
        return !same || sameAsSaved(*m_window, "same window");
    }

    /// differences names the parts in which two worlds differ.
    static std::string differences(const raft::Simulation &a, const raft::Simulation &b)
    {
        std::string text;
        const auto add = [&text](bool differs, const std::string &what) {
            if (differs)
                text += (text.empty() ? "" : ", ") + what;
        };
        add(a.now() != b.now(), "clock " + std::to_string(a.now()) + " vs " + std::to_string(b.now()));
        add(a.stepCount() != b.stepCount(),
            "steps " + std::to_string(a.stepCount()) + " vs " + std::to_string(b.stepCount()));
        add(!(a.config() == b.config()), "config");
        add(a.size() != b.size(), "servers");
        for (raft::NodeId id = 1; id <= std::min(a.size(), b.size()); ++id)
            add(!(a.server(id) == b.server(id)), "S" + std::to_string(id));
        add(!(a.network() == b.network()), "network");
        add(!(a.stats() == b.stats()), "stats");
        if (!(a.violations() == b.violations())) {
            std::string v = "violations: " + std::to_string(a.violations().size()) + " vs "
                + std::to_string(b.violations().size());
            for (std::size_t i = 0; i < std::max(a.violations().size(), b.violations().size()); ++i) {
                const auto describe = [i](const std::vector<raft::Violation> &list) {
                    return i < list.size() ? "step " + std::to_string(list[i].step) + " t=" + std::to_string(list[i].t)
                            + " " + list[i].what
                                           : std::string("none");
                };
                if (i >= a.violations().size() || i >= b.violations().size() || !(a.violations()[i] == b.violations()[i])) {
                    v += "; first difference #" + std::to_string(i) + ": " + describe(a.violations()) + " | "
                        + describe(b.violations());
                    break;
                }
            }
            add(true, v);
        }
        add(!(a.reads() == b.reads()), "reads");
        return text.empty() ? "elsewhere" : text;
    }

    /// slowestLink is the longest latency any link of the world can draw, in ms.
    static raft::Time slowestLink(const raft::Simulation &s)
    {
        raft::Time slowest = s.network().config().latencyMax;
        for (raft::NodeId from = 1; from <= s.size(); ++from)
            for (raft::NodeId to = 1; to <= s.size(); ++to)
                slowest = std::max(slowest, s.network().conditions(from, to).latencyMax);
        return slowest;
    }

    /// checkAfter: the window lives and, without bug switches, nothing broke.
    bool checkAfter()
    {
        answerDialogs();
        settle();
        if (!m_alive || !m_window->isVisible()) {
            ADD_FAILURE() << "the window was destroyed or closed\n" << where();
            return false;
        }
        const raft::Simulation &s = sim();
        const raft::ClusterConfig &config = s.config();
        for (const raft::Violation &v : s.violations()) {
            if (config.bugs.any() || config.reads == raft::ReadMode::Local)
                break;
            if (m_tolerated.count({v.step, v.what}) != 0)
                continue;
            // §5.6: Raft elects a leader only while messages travel much faster than
            // the election timeout (broadcastTime << electionTimeout). The monkey's
            // slow links break that on purpose; the liveness alarm is then right.
            if (v.property == "Liveness" && slowestLink(s) * 2 >= config.electionTimeoutMin) {
                note("liveness alarm tolerated: links up to " + std::to_string(slowestLink(s)) + " ms");
                m_tolerated.insert({v.step, v.what});
                continue;
            }
            ADD_FAILURE() << "invariant violated without a bug switch at t=" << v.t << " step " << v.step << ": "
                          << v.what << " (" << v.section << "); election timeout " << config.electionTimeoutMin
                          << "–" << config.electionTimeoutMax << " ms, slowest link " << slowestLink(s) << " ms\n"
                          << where();
            return false;
        }
        // The views follow the world they show.
        const std::size_t shown = m_window->eventsPane()->model()->visibleCount();
        if (shown != history().visibleEvents()) {
            ADD_FAILURE() << "the events pane shows " << shown << " events, the history " << history().visibleEvents()
                          << "\n" << where();
            return false;
        }
        // A server added later stays selected behind its addition (like a message not in
        // flight), but the inspector shows no fields of it there.
        for (const raft::NodeId id : m_window->selection()->nodes())
            if (id < 1 || id > raft::kMaxNodes) {
                ADD_FAILURE() << "S" << id << " is selected\n" << where();
                return false;
            }
        const raft::NodeId main = m_window->inspector()->node();
        if (main > s.size() && m_window->inspector()->lines().size() > 1) {
            ADD_FAILURE() << "the inspector shows fields of S" << main << " in a world of " << s.size()
                          << " servers\n"
                          << where();
            return false;
        }
        return true;
    }

    /// act performs one random action, weighted towards what a class does most.
    bool act()
    {
        // Guards and branch questions are answered at random, like the dialogs.
        const CommandGuards::Answer answers[] = {CommandGuards::Answer::Yes, CommandGuards::Answer::Drop,
                                                 CommandGuards::Answer::Cancel};
        m_window->guards()->setAnswer(answers[below(3)]);
        m_window->setBranchAnswer(chance(70));
        m_acting = true;
        const bool ok = actOnce();
        m_acting = false;
        return ok;
    }
    bool actOnce()
    {
        const std::uint64_t roll = below(100);
        if (roll < 1)
            resize();
        else if (roll < 2 && chance(25))
            picture();
        else if (roll < 16)
            click();
        else if (roll < 23)
            drag();
        else if (roll < 25)
            wheel();
        else if (roll < 36)
            rightClick();
        else if (roll < 48)
            key();
        else if (roll < 58)
            menuCommand();
        else if (roll < 72)
            clock();
        else if (roll < 84)
            world();
        else if (roll < 88)
            branch();
        else if (roll < 90)
            lesson();
        else if (roll < 92)
            lessonButton();
        else if (roll < 93)
            newCluster();
        else if (roll < 94)
            exportFiles();
        else if (roll < 96)
            closePopups();
        else
            return checkAfter() && saveAndReopen() && checkAfter();
        if (controller().isPlaying())
            controller().advanceFrame(16.0);
        return checkAfter();
    }

    std::mt19937_64 m_rng;
    QTimer m_dialogTimer;
    std::deque<std::string> m_recent;
    int m_step = 0;
    /// m_steps: how many actions a seed plays (RAFTVIZ_MONKEY_STEPS, default 1000).
    int m_steps = static_cast<int>(envNumber("RAFTVIZ_MONKEY_STEPS", 1000));
    bool m_verbose = !qgetenv("RAFTVIZ_MONKEY_VERBOSE").isEmpty();
    bool m_alive = true;
    /// m_tolerated: liveness alarms that rang while links were slower than §5.6 allows.
    std::set<std::pair<std::uint64_t, std::string>> m_tolerated;
    /// m_acting: an action is under way (a popup open now blocks it).
    bool m_acting = false;
};

TEST_P(MonkeyTest, RandomUseKeepsTheRunSafeAndEverySavedRunReopens)
{
    const int steps = m_steps;
    std::fprintf(stderr, "monkey: seed %llu, %d actions\n", static_cast<unsigned long long>(GetParam()), steps);
    QObject::connect(m_window.get(), &QObject::destroyed, [this] { m_alive = false; });
    for (m_step = 1; m_step <= steps; ++m_step)
        if (!act())
            return;
    m_step = steps + 1;
    note("final save and reopen");
    EXPECT_TRUE(saveAndReopen());
}

INSTANTIATE_TEST_SUITE_P(Seeds, MonkeyTest, ::testing::ValuesIn(monkeySeeds()),
                         [](const ::testing::TestParamInfo<std::uint64_t> &seed) {
                             return "Seed" + std::to_string(seed.param);
                         });

