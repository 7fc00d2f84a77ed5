#pragma once

#include "raft/history.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"
#include "raft/simulation.h"

#include "widgets/simulationsource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

/// SimulationController is the one object that changes the raft::Simulation: it owns
/// it, drives virtual time from a ~60 Hz frame timer (virtual time advances by
/// wallDelta × speed), and turns every user action into a call on the Simulation,
/// which records it as an input at the current virtual time. Views get const access
/// only and redraw when it says that something happened.
///
/// It keeps a fractional display time: the Simulation's clock is advanced to
/// floor(displayTime), and views draw messages at the fractional time so that
/// animation stays smooth at 1/1000× speed.
/// Invariant: simulation().now() <= displayTime() < simulation().now() + 1 while playing.
///
/// It can also play a scenario script (File > Open scenario…, the Scenarios menu)
/// with raft::ScenarioPlayer, the player --headless uses too: the script's setup
/// lines build a fresh cluster and its lines run in virtual time at the lesson's
/// pace, so "run 2s" takes two virtual seconds that the viewer sees. The lesson
/// stops at each say line (Next plays on, Back returns to the previous one), waits
/// for the class at "wait until" and asks its questions (lessonplayback.cpp).
class SimulationController : public widgets::SimulationSource {
    Q_OBJECT
public:
    /// kMinSpeed and kMaxSpeed bound the speed: 1/1000× to 10× real time.
    static constexpr double kMinSpeed = 0.001;
    static constexpr double kMaxSpeed = 10.0;
    /// kDefaultSpeed: slow enough to follow one heartbeat (a 10–20 ms flight takes
    /// ⅓–⅔ of a wall second), quick enough that the first election comes within seconds.
    static constexpr double kDefaultSpeed = 1.0 / 30.0;
    /// kFrameIntervalMs is the frame timer's period (about 60 Hz).
    static constexpr int kFrameIntervalMs = 16;
    /// kAutoRequestInterval is the virtual time between the automatic client's
    /// requests when the window turns it on (raft::act::AutoClient).
    static constexpr raft::Time kAutoRequestInterval = raft::fromMs(100);

    explicit SimulationController(QObject *parent = nullptr);
    ~SimulationController() override;

    /// simulation is the world at the live moment, read-only; the controller is its
    /// only writer (through history()).
    const raft::Simulation &simulation() const override { return m_history->simulation(); }
    /// history is the whole run: every step can be revisited (seekToStep, stepBack).
    const raft::History &history() const override { return *m_history; }
    /// config is the configuration the current cluster was built from.
    const raft::ClusterConfig &config() const { return simulation().config(); }
    /// displayTime is the fractional virtual time (ms) views draw at.
    double displayTime() const override { return m_displayTime; }
    bool isPlaying() const override { return m_playing; }
    double speed() const { return m_speed; }
    /// autoRequests tells whether the automatic client runs in the world at the live
    /// moment (it is part of the run: history replays it like any other event).
    bool autoRequests() const { return config().autoClient > 0; }

    /// speedText words a speed the way the window shows it: "1/30×", "2×".
    static QString speedText(double speed);
    /// speedLadder lists the speeds faster()/slower() step through (1-2-5 steps).
    static const std::vector<double> &speedLadder();

    /// scenarioName is the file name of the scenario being played ("" if none).
    QString scenarioName() const { return m_scenarioName; }
    /// isScenarioRunning tells whether a scenario still has commands to run.
    bool isScenarioRunning() const { return m_lesson.has_value() && !m_lesson->atEnd(); }
    /// scenarioFailures lists the failed expectations of the scenario being played.
    const QStringList &scenarioFailures() const { return m_scenarioFailures; }
    /// lessonFailures: the same failures as the player words them (line, text, why).
    std::vector<raft::ExpectationFailure> lessonFailures() const;
    /// lessonPassed counts the expectations of the lesson that held.
    int lessonPassed() const { return m_lesson ? m_lesson->passed() : 0; }
    /// lessonStop is where the lesson stands at the live moment: Say (at a narration
    /// line, waiting for Next, also behind the frontier), Wait, Ask, Reveal, End or
    /// None (playing between lines).
    raft::PlayerStop lessonStop() const;
    /// waitHint is the hint of the wait under way; question the question asked or
    /// last asked (only at the frontier).
    QString waitHint() const;
    const std::optional<raft::Question> &question() const;
    /// narrationIndex is the position (0-based, among the script's say lines) of the
    /// narration in force at the live moment, -1 before the first; narration its text
    /// as recorded in the run.
    int narrationIndex() const;
    QString narration() const;
    /// lessonPace is the speed the lesson asked for (its pace line).
    double lessonPace() const { return m_lesson ? m_lesson->scenario().pace() : kDefaultSpeed; }

    /// loadScenario parses text as a script; on success it builds the script's cluster
    /// and starts playing its actions (returns ""), otherwise it changes nothing and
    /// returns every problem as "FILE:LINE: problem" lines.
    QString loadScenario(const QString &text, const QString &fileName);
    /// loadScenarioFile reads a script file and calls loadScenario; errors mention the file.
    QString loadScenarioFile(const QString &path);
    /// runTo moves virtual time to `t` at once (no animation): it runs the scenario's
    /// commands (if one is loaded) that start before `t`, then advances the clock to t.
    void runTo(raft::Time t);

    // --- history: stepping back, seeking, branches, saved runs -----------------------
    /// BranchConfirmation is asked before an action would discard the recorded future
    /// (the live state is behind the frontier); it answers whether to go ahead.
    using BranchConfirmation = std::function<bool()>;
    /// setBranchConfirmation installs that question (none: always go ahead).
    void setBranchConfirmation(BranchConfirmation confirm) { m_confirmBranch = std::move(confirm); }
    /// NextEvent is what "Run to next…" waits for.
    enum class NextEvent { ElectionWon, Commit, TermChange, AtNode };
    /// kRunToNextLimit: how much virtual time "Run to next…" plays before giving up.
    static constexpr raft::Time kRunToNextLimit = raft::fromSeconds(60);
    /// runToNext pauses, plays at once until a step records such an event (at `node`
    /// for AtNode) and stops right after it, showing that step. Returns false, and
    /// says so, if none happened within kRunToNextLimit.
    bool runToNext(NextEvent what, raft::NodeId node = raft::kNoNode);
    /// isHolding tells whether new messages wait at their destination's door.
    bool isHolding() const { return simulation().network().isHolding(); }
    /// waitingMessages lists the ids of the messages waiting at a door, in id order.
    std::vector<std::uint64_t> waitingMessages() const;
    /// notes are the teacher's notes, saved with the run.
    const QStringList &notes() const { return m_notes; }
    void setNotes(const QStringList &notes) { m_notes = notes; }
    /// runFile describes the current run for saving: config, script, notes, position.
    raft::RunFile runFile() const;
    /// loadRun rebuilds a saved run: a fresh history from its config with its inputs
    /// replayed up to its position. On a problem it changes nothing and returns it.
    QString loadRun(const raft::RunFile &run);

public slots:
    // --- time ---
    void play();
    void pause();
    void togglePlay();
    /// stepOnce pauses and processes exactly one event (Simulation::step()).
    void stepOnce();
    /// setSpeed clamps speed to [kMinSpeed, kMaxSpeed].
    void setSpeed(double speed);
    /// faster and slower move one notch along the speed ladder.
    void faster();
    void slower();
    /// setAutoRequests starts or stops the world's automatic client (a request to the
    /// leader every kAutoRequestInterval ms): a user action, recorded like any other.
    void setAutoRequests(bool on);
    /// setFrameTimerEnabled(false) keeps the frame timer from ever starting: while
    /// playing, time moves only by advanceFrame, so that a test that clicks and waits
    /// (the monkey test) runs the same whatever the wall clock does. On by default.
    void setFrameTimerEnabled(bool on);
    /// advanceFrame advances by one frame of `wallMs` wall milliseconds (the timer's
    /// work; public so that tests and the screenshot mode can drive frames).
    void advanceFrame(double wallMs);

    // --- servers ---
    void crash(raft::NodeId id);
    void restart(raft::NodeId id);
    void pauseNode(raft::NodeId id);
    void resumeNode(raft::NodeId id);
    void timeoutNow(raft::NodeId id);
    /// makeLeader asks the leader to hand leadership over to id (§3.10), or reports why not.
    void makeLeader(raft::NodeId id);
    /// takeSnapshot makes server id snapshot its state machine now (§7), or reports why not.
    void takeSnapshot(raft::NodeId id);
    /// addServer asks the leader to add server id (§4.2.1: it catches up as a learner
    /// first); id may be the next, new machine. Reports why not when refused.
    void addServer(raft::NodeId id);
    /// addNextServer adds nextServerToAdd().
    void addNextServer();
    /// nextServerToAdd is the lowest-numbered server outside the configuration in
    /// force (spare or removed), else the next new machine (up to S9).
    static raft::NodeId nextServerToAdd(const raft::Simulation &sim);
    /// removeServer asks the leader to remove server id, the leader itself included (§4.2.2).
    void removeServer(raft::NodeId id);
    /// request sends a client command ("set k v", "del k") to a server.
    void request(raft::NodeId id, const QString &command);
    /// read asks server id for key (§6.4); the answer shows in the events pane.
    void read(raft::NodeId id, const QString &key);
    /// requestToLeader sends a command to the current leader (or says there is none).
    void requestToLeader(const QString &command);
    /// requestNext sends the client's next command ("set x 1", "set y 2", …) to the leader.
    void requestNext();
    /// crashLeader crashes the current leader, if there is one.
    void crashLeader();

    // --- network ---
    void isolate(raft::NodeId id);
    /// reconnect removes every cut to and from id (Simulation::reconnect); partition
    /// groups stay in place.
    void reconnect(raft::NodeId id);
    void heal();
    /// partition replaces the partition groups (Simulation::partition); one group of
    /// everyone removes the partition (cut links stay).
    void partition(const std::vector<std::vector<raft::NodeId>> &groups);
    /// cut cuts the one-way link from -> to, or both directions.
    void cut(raft::NodeId from, raft::NodeId to, bool bothWays);
    /// restoreLink reopens the link from -> to (or both directions), other cuts stay.
    void restoreLink(raft::NodeId from, raft::NodeId to, bool bothWays);
    /// toggleCut cuts the one-way link from -> to if it is open, else reopens it (a
    /// click on a link's lane).
    void toggleCut(raft::NodeId from, raft::NodeId to);
    /// setNetworkConfig gives every link new conditions (latency range, loss, duplication).
    void setNetworkConfig(const raft::NetworkConfig &config);
    /// setLinkConditions gives the one-way link from -> to conditions of its own
    /// (nullopt: the network's again).
    void setLinkConditions(raft::NodeId from, raft::NodeId to, const std::optional<raft::LinkConditions> &conditions);
    void dropMessage(std::uint64_t id);
    void duplicateMessage(std::uint64_t id);

    // --- the cluster ---
    /// newCluster replaces the world with a fresh one built from config; the automatic
    /// client carries over from the world it replaces (it is the Cluster menu's toggle).
    void newCluster(const raft::ClusterConfig &config);
    /// startOver rebuilds the current configuration from time zero.
    void startOver();
    /// restartAll restarts every crashed server and resumes every paused one.
    void restartAll();
    /// provokeSplitVote makes enough followers' election timers fire at the same
    /// instant that no candidate can win a majority: at least the two that would fire
    /// first. Without a leader it aligns their timers; with one it times them out now.
    void provokeSplitVote();
    /// spreadTimers spreads the followers' election timers evenly over the timeout
    /// range, in the order they would have fired.
    void spreadTimers();

    // --- history ---
    /// stepBack pauses and undoes exactly one step.
    void stepBack();
    /// seekToStep pauses and puts the world right after `step` steps.
    void seekToStep(quint64 step);
    /// seekToTime pauses and puts the world at virtual time t.
    void seekToTime(raft::Time t);
    /// setHold turns manual delivery on or off for the messages sent from now on.
    void setHold(bool hold);
    /// deliverMessage delivers a message now, ahead of its time (or off the door).
    void deliverMessage(std::uint64_t id);
    /// deliverAllWaiting delivers every message waiting at a door, in id order.
    void deliverAllWaiting();

    // --- lessons (lessonplayback.cpp) ---
    /// nextLine plays on to the lesson's next stop (Next): from a say line or a reveal,
    /// or behind the frontier to the next recorded say line.
    void nextLine();
    /// previousLine goes back to the moment of the previous say line (Back).
    void previousLine();
    /// continueLesson at a wait does what the class was asked to (the script's own
    /// stand-in lines); at the end of the lesson it plays on freely.
    void continueLesson();
    /// answerQuestion picks answer `choice` (0-based) of the question asked.
    void answerQuestion(int choice);

signals:
    // advanced, structureChanged, stepped and playingChanged: see widgets::SimulationSource.
    void speedChanged(double speed);
    void autoRequestsChanged(bool on);
    /// actionReported: a sentence for the status bar about what a user action did.
    void actionReported(const QString &text);
    /// scenarioLineReached: the scenario's line `line` ran; ok false with why when a
    /// check failed or the action was impossible.
    void scenarioLineReached(int line, const QString &text, bool ok, const QString &why);
    /// scenarioFinished: the scenario ran its last command.
    void scenarioFinished(const QString &name, int passed, int failed);
    /// lessonChanged: the lesson's stop, narration or question changed.
    void lessonChanged();
    /// holdChanged: manual delivery was turned on or off.
    void holdChanged(bool hold);

private:
    void onFrame();
    void replaceSimulation(const raft::ClusterConfig &config);
    void changed();
    void report(const QString &text);
    /// perform is the road of every user action: refused by the simulation, it
    /// reports why and changes nothing; behind the frontier it asks before branching;
    /// done, it reports doneText(result) and tells the views. Returns whether it was done.
    bool perform(const raft::Action &action, const std::function<QString(const raft::ActionResult &)> &doneText);
    /// advanceTimeTo processes events up to virtual time t (ms, fractional),
    /// running the lesson's lines that fall due on the way; it stops right after a
    /// step that breaks an invariant (the alarm), with the display at that step.
    void advanceTimeTo(double t);
    /// playUntilAlarm plays the history to virtual time `until`, or through step
    /// `lastStep` if that comes first, stopping right after a step that breaks an
    /// invariant instead (then true).
    bool playUntilAlarm(raft::Time until, std::uint64_t lastStep = UINT64_MAX);
    // --- lessons (lessonplayback.cpp) ---
    /// advanceLesson plays the lesson to virtual time t: behind the frontier the
    /// recorded run replays (stopping at its say lines), at the frontier the player acts.
    void advanceLesson(double t);
    /// lessonStep processes one event without stepping over a line of the lesson.
    void lessonStep();
    /// releaseStop releases the player's stop the way headless does (runTo).
    bool releaseStop();
    /// afterLessonChange follows a branch (restores the player of that moment) and
    /// lets a wait see the class's action at once.
    void afterLessonChange();
    void onLessonLine(const raft::LineReport &line);
    /// restartLesson builds the lesson's cluster afresh and plays `player` on it.
    void restartLesson(raft::ScenarioPlayer player);
    /// markStop keeps a copy of the player at a stop (for branches from there).
    void markStop();
    /// sayInputs lists the say inputs of the run, in order.
    std::vector<const raft::Input *> sayInputs() const;

    // --- history ---
    /// confirmBranch asks before acting behind the frontier (which discards the
    /// recorded future); false means the action must not happen.
    bool confirmBranch();
    /// change runs f on the live simulation through History::edit, so it is recorded.
    /// Behind the frontier it asks first (unless confirmBranch() just did); refused,
    /// it changes nothing and returns a default result.
    template <typename F> auto change(F &&f)
    {
        using Result = decltype(f(std::declval<raft::Simulation &>()));
        if (m_history->hasFuture() && !m_branchApproved && !confirmBranch()) {
            if constexpr (std::is_void_v<Result>)
                return;
            else
                return Result{};
        }
        m_branchApproved = false;
        return m_history->edit(std::forward<F>(f));
    }
    /// afterSeek lines the display time up with the live state after it moved back
    /// or jumped, and tells the views.
    void afterSeek();
    /// currentStepEvents is the range of the trace's events of the current step.
    std::pair<std::size_t, std::size_t> currentStepEvents() const;

    std::unique_ptr<raft::History> m_history;
    BranchConfirmation m_confirmBranch;
    /// m_branchApproved: confirmBranch() said yes for the action under way.
    bool m_branchApproved = false;
    QStringList m_notes;
    QTimer m_frameTimer;
    QElapsedTimer m_wallClock;
    qint64 m_lastWallNs = 0;
    double m_displayTime = 0.0;
    double m_speed = kDefaultSpeed;
    bool m_playing = false;
    bool m_frameTimerEnabled = true;
    /// m_violationsSeen: how many invariant violations have already stopped playback.
    std::size_t m_violationsSeen = 0;

    // The lesson being played: the player at the frontier, and copies of it at each
    // stop (its step), so that a branch in the past continues from there.
    std::optional<raft::ScenarioPlayer> m_lesson;
    std::vector<std::pair<std::uint64_t, raft::ScenarioPlayer>> m_lessonMarks;
    std::uint64_t m_lessonGeneration = 0;
    bool m_lessonFree = false;
    bool m_lessonBusy = false;
    bool m_lessonFinishedSent = false;
    QString m_scenarioName;
    QStringList m_scenarioFailures;
};
