<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionRefusal</name>
    <message>
        <source>take over leadership</source>
        <translation>接任领导者</translation>
    </message>
    <message>
        <source>there is no leader to hand leadership over to %1</source>
        <translation>没有领导者可以把领导权移交给 %1</translation>
    </message>
    <message>
        <source>%1 is the leader already</source>
        <translation>%1 已经是领导者</translation>
    </message>
    <message>
        <source>the automatic client's interval must be from 1 ms to 60 s (0 stops it)</source>
        <translation>自动客户端的间隔必须在 1 毫秒到 60 秒之间（0 表示停止）</translation>
    </message>
    <message>
        <source>%1 is not a server of this cluster</source>
        <translation>%1 不是这个集群的服务器</translation>
    </message>
    <message>
        <source>%4 needs two different nodes; both ends are %1</source>
        <translation>%4 需要两个不同的节点；两端都是 %1</translation>
    </message>
    <message>
        <source>%1 is already crashed</source>
        <translation>%1 已经崩溃了</translation>
    </message>
    <message>
        <source>%1 is up; only a crashed server can restart</source>
        <translation>%1 正在运行；只有崩溃的服务器才能重启</translation>
    </message>
    <message>
        <source>%1 is paused, not crashed; use resume</source>
        <translation>%1 是暂停，不是崩溃；请用“继续”</translation>
    </message>
    <message>
        <source>%1 is crashed; only a server that is up can %4</source>
        <translation>%1 已崩溃；只有正在运行的服务器才能%4</translation>
    </message>
    <message>
        <source>%1 is paused; only a server that is up can %4</source>
        <translation>%1 已暂停；只有正在运行的服务器才能%4</translation>
    </message>
    <message>
        <source>%1 is up, not paused</source>
        <translation>%1 正在运行，没有暂停</translation>
    </message>
    <message>
        <source>%1 is crashed, not paused; use restart</source>
        <translation>%1 是崩溃，不是暂停；请用“重启”</translation>
    </message>
    <message>
        <source>%1 is the leader; a leader has no election timer</source>
        <translation>%1 是领导者；领导者没有选举计时器</translation>
    </message>
    <message>
        <source>%1&apos;s election timer cannot fire in the past</source>
        <translation>%1 的选举计时器不能在过去触发</translation>
    </message>
    <message>
        <source>message #%3 is not in flight</source>
        <translation>消息 #%3 不在传输中</translation>
    </message>
    <message>
        <source>message #%3 goes to %1, which is paused; resume it first</source>
        <translation>消息 #%3 发往已暂停的 %1；请先让它继续</translation>
    </message>
    <message>
        <source>the link %1 -&gt; %2 is not cut</source>
        <translation>链路 %1 -&gt; %2 没有被切断</translation>
    </message>
    <message>
        <source>those conditions are not possible (latency needs 1 &lt;= min &lt;= max; loss and duplication are probabilities from 0 to 1)</source>
        <translation>这些条件不可能成立（延迟需要 1 &lt;= 最小值 &lt;= 最大值；丢失率和重复率是 0 到 1 之间的概率）</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>time out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>have its election timer set</source>
        <translation>设置选举计时器</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>切断</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>link</source>
        <translation>设置链路</translation>
    </message>
    <message>
        <source>take a snapshot</source>
        <translation>做快照</translation>
    </message>
    <message>
        <source>%1 has applied no entry since its last snapshot; a snapshot holds only applied entries</source>
        <translation>%1 自上次快照以来没有应用新的条目；快照只包含已应用的条目</translation>
    </message>
    <message>
        <source>%1 is already a voter of the configuration</source>
        <translation>%1 已经是配置中的投票者</translation>
    </message>
    <message>
        <source>%1 is not a voter of the configuration</source>
        <translation>%1 不是配置中的投票者</translation>
    </message>
    <message>
        <source>a command starting with &apos;config&apos; is a configuration entry; use add, remove or reconfigure</source>
        <translation>以 &apos;config&apos; 开头的命令是配置条目；请使用 add、remove 或 reconfigure</translation>
    </message>
    <message>
        <source>a configuration needs at least one voter; %1 is the last</source>
        <translation>配置至少需要一个投票者；%1 是最后一个</translation>
    </message>
    <message>
        <source>be added</source>
        <translation>被加入</translation>
    </message>
    <message>
        <source>be removed</source>
        <translation>被移除</translation>
    </message>
    <message>
        <source>change the configuration</source>
        <translation>变更配置</translation>
    </message>
    <message>
        <source>leader %1 has not yet committed an entry of its own term; until then it may not change the configuration (§4.1, the 2015 correction)</source>
        <translation>领导者 %1 还没有提交自己任期的条目；在此之前它不能变更配置（§4.1，2015 年的更正）</translation>
    </message>
    <message>
        <source>leader %1 is still making the last configuration change; one change at a time (§4.1)</source>
        <translation>领导者 %1 仍在进行上一次配置变更；一次只能进行一个变更（§4.1）</translation>
    </message>
    <message>
        <source>there is no leader to change the configuration; only a leader can (§6)</source>
        <translation>没有领导者来变更配置；只有领导者可以变更（§6）</translation>
    </message>
    <message>
        <source>those are exactly the voters of the configuration in force</source>
        <translation>这些正是当前生效配置的投票者</translation>
    </message>
</context>
<context>
    <name>ClientRequestDialog</name>
    <message>
        <source>Client request to %1</source>
        <translation>发给 %1 的客户端请求</translation>
    </message>
    <message>
        <source>set KEY VALUE</source>
        <translation>set 键 值</translation>
    </message>
    <message>
        <source>del KEY</source>
        <translation>del 键</translation>
    </message>
    <message>
        <source>e.g. x</source>
        <translation>例如 x</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>例如 5</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>The client sends one command for the replicated key/value store. Only the leader accepts it; it takes effect once it is committed (§5.3, §8).</source>
        <translation>客户端为复制的键值存储发送一条命令。只有领导者接受它；它在提交之后才生效（§5.3、§8）。</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>键(&amp;K)：</translation>
    </message>
    <message>
        <source>Enter a key.</source>
        <translation>请输入键。</translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation>请输入值。</translation>
    </message>
    <message>
        <source>Keys and values are single words.</source>
        <translation>键和值都必须是单个词（不含空格）。</translation>
    </message>
</context>
<context>
    <name>ClusterLegend</name>
    <message>
        <source>Membership changes (§6)</source>
        <translation>成员变更（§6）</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>成员变更</translation>
    </message>
    <message>
        <source>Learner: hollow, catching up; no vote yet (§4.2.1)</source>
        <translation>学习者：空心，正在追上日志，尚不投票（§4.2.1）</translation>
    </message>
    <message>
        <source>Learner: catching up</source>
        <translation>学习者：追赶中</translation>
    </message>
    <message>
        <source>Spare or removed: greyed, outside the configuration (§6)</source>
        <translation>备用或已移除：灰色，不在配置之中（§6）</translation>
    </message>
    <message>
        <source>Spare / removed</source>
        <translation>备用 / 已移除</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Follower</source>
        <translation>跟随者</translation>
    </message>
    <message>
        <source>Candidate: dashed ring, asks for votes</source>
        <translation>候选人：虚线圆环，正在拉票</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>Leader: crown and double ring</source>
        <translation>领导者：王冠和双圆环</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>Crashed: grey; term and log survive on disk</source>
        <translation>已崩溃：灰色；任期和日志保存在磁盘上</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>Paused: frozen, its messages wait</source>
        <translation>已暂停：冻结，发给它的消息在门口等待</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Big number: the server&apos;s current term</source>
        <translation>大数字：服务器的当前任期</translation>
    </message>
    <message>
        <source>Current term</source>
        <translation>当前任期</translation>
    </message>
    <message>
        <source>Election timer: empties as the timeout nears; red when it is running out</source>
        <translation>选举计时器：随超时临近而耗尽；快到时变红</translation>
    </message>
    <message>
        <source>Timer; red: running out</source>
        <translation>计时器；红色：快到时</translation>
    </message>
    <message>
        <source>Log length; the dark part is committed</source>
        <translation>日志长度；深色部分已提交</translation>
    </message>
    <message>
        <source>Log; dark = committed</source>
        <translation>日志；深色 = 已提交</translation>
    </message>
    <message>
        <source>Votes around a candidate</source>
        <translation>候选人周围的投票</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Vote granted / refused</source>
        <translation>同意投票 / 拒绝投票</translation>
    </message>
    <message>
        <source>Granted / refused</source>
        <translation>同意 / 拒绝</translation>
    </message>
    <message>
        <source>Asked, reply in flight / not asked</source>
        <translation>已请求、回复在途中 / 未请求</translation>
    </message>
    <message>
        <source>Asked / not asked</source>
        <translation>已请求 / 未请求</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>RequestVote</source>
        <translation>RequestVote（请求投票）</translation>
    </message>
    <message>
        <source>Vote reply: granted / refused</source>
        <translation>投票回复：同意 / 拒绝</translation>
    </message>
    <message>
        <source>Vote reply</source>
        <translation>投票回复</translation>
    </message>
    <message>
        <source>AppendEntries, empty: a heartbeat</source>
        <translation>空的 AppendEntries：心跳</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>AppendEntries carrying 3 entries</source>
        <translation>携带 3 个条目的 AppendEntries</translation>
    </message>
    <message>
        <source>AppendEntries, 3 entries</source>
        <translation>AppendEntries，3 个条目</translation>
    </message>
    <message>
        <source>AppendEntries reply: success / failure</source>
        <translation>AppendEntries 回复：成功 / 失败</translation>
    </message>
    <message>
        <source>Append reply</source>
        <translation>AppendEntries 回复</translation>
    </message>
    <message>
        <source>Waiting at the door (receiver paused or held)</source>
        <translation>在门口等待（接收者已暂停或消息被扣留）</translation>
    </message>
    <message>
        <source>Waiting at door</source>
        <translation>在门口等待</translation>
    </message>
    <message>
        <source>Lost: a red ✗ where it vanished, fading out</source>
        <translation>丢失：在消失处显示红色 ✗，逐渐淡出</translation>
    </message>
    <message>
        <source>Lost: red ✗</source>
        <translation>丢失：红色 ✗</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Cut link</source>
        <translation>切断的链路</translation>
    </message>
    <message>
        <source>Selected server or message</source>
        <translation>选中的服务器或消息</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>20%</source>
        <translation>20%</translation>
    </message>
    <message>
        <source>Partition: a wall between sides; messages die at it</source>
        <translation>网络分区：两侧之间有一道墙，穿墙的消息死在墙上</translation>
    </message>
    <message>
        <source>Partition wall</source>
        <translation>分区墙</translation>
    </message>
    <message>
        <source>Hatched side: no quorum, cannot elect or commit</source>
        <translation>斜线的一侧：没有法定人数，无法选举或提交</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>没有法定人数</translation>
    </message>
    <message>
        <source>Cut: messages this way are lost (red ✗)</source>
        <translation>切断：这个方向的消息丢失（红色 ✗）</translation>
    </message>
    <message>
        <source>Link with its own loss or latency</source>
        <translation>有自己丢包率或延迟的链路</translation>
    </message>
    <message>
        <source>Own conditions</source>
        <translation>独立的链路条件</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
    <message>
        <source>Drag on empty space: select; Ctrl-click: add</source>
        <translation>在空白处拖动：框选；Ctrl+单击：加选</translation>
    </message>
    <message>
        <source>Drag: select</source>
        <translation>拖动：框选</translation>
    </message>
    <message>
        <source>Drag a server to another side to move it</source>
        <translation>把服务器拖到另一侧即可移过去</translation>
    </message>
    <message>
        <source>Drag: move server</source>
        <translation>拖动：移动服务器</translation>
    </message>
    <message>
        <source>Pan: middle button, or Shift and drag</source>
        <translation>平移：按住中键，或按住 Shift 拖动</translation>
    </message>
    <message>
        <source>Pan: middle / Shift</source>
        <translation>平移：中键 / Shift</translation>
    </message>
    <message>
        <source>Green dashed ring: acted in the last step</source>
        <translation>绿色虚线环：上一步中行动的服务器</translation>
    </message>
    <message>
        <source>Acted last step</source>
        <translation>上一步行动</translation>
    </message>
    <message>
        <source>InstallSnapshot, chunk 2 of 5, and its reply (§7)</source>
        <translation>InstallSnapshot，第 2/5 块，及其回复（§7）</translation>
    </message>
    <message>
        <source>InstallSnapshot 2/5</source>
        <translation>InstallSnapshot 2/5</translation>
    </message>
</context>
<context>
    <name>ClusterQuickButtons</name>
    <message>
        <source>Resume %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>重启 %1</translation>
    </message>
    <message>
        <source>Crash %1</source>
        <translation>让 %1 崩溃</translation>
    </message>
    <message>
        <source>Time out %1 now: it starts an election</source>
        <translation>让 %1 立即选举超时：它开始一次选举</translation>
    </message>
    <message>
        <source>Send the client&apos;s next command to %1: “%2”</source>
        <translation>把客户端的下一条命令发给 %1：“%2”</translation>
    </message>
    <message>
        <source>%1 — refused: %2</source>
        <translation>%1 — 被拒绝：%2</translation>
    </message>
</context>
<context>
    <name>CommandGuards</name>
    <message>
        <source>Start Over?</source>
        <translation>从头开始？</translation>
    </message>
    <message>
        <source>Starting over throws away this run: every event and action so far (save it first with File › Save Run if you want to keep it).</source>
        <translation>从头开始会丢弃本次运行：到目前为止的所有事件和操作（如需保留，请先用“文件 › 保存运行”保存）。</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>Build a New Cluster?</source>
        <translation>新建集群？</translation>
    </message>
    <message>
        <source>A new cluster replaces this run: every event and action so far is thrown away (save it first with File › Save Run if you want to keep it).</source>
        <translation>新集群会取代本次运行：到目前为止的所有事件和操作都会被丢弃（如需保留，请先用“文件 › 保存运行”保存）。</translation>
    </message>
    <message>
        <source>Build It</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Restart All?</source>
        <translation>全部重启？</translation>
    </message>
    <message numerus="yes">
        <source>Restart or resume %n server(s) at once? Step Back undoes them one by one.</source>
        <translation>
            <numerusform>一次重启或恢复 %n 台服务器？“后退一步”可逐台撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart All</source>
        <translation>全部重启</translation>
    </message>
    <message>
        <source>Stop Holding Messages?</source>
        <translation>停止扣留消息？</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still wait at the door. Deliver them now, or drop them? (Left held, they would stay frozen until you deliver each one.)</source>
        <translation>
            <numerusform>还有 %n 条消息在门口等待。现在投递，还是丢弃？（若继续扣留，它们会一直停在那里，直到你逐条投递。）</numerusform>
        </translation>
    </message>
    <message>
        <source>Deliver Them</source>
        <translation>全部投递</translation>
    </message>
    <message>
        <source>Drop Them</source>
        <translation>全部丢弃</translation>
    </message>
</context>
<context>
    <name>ContextMenus</name>
    <message>
        <source>%1 — %2, term %3</source>
        <translation>%1 — %2，任期 %3</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>A paused server freezes: its timers stop and its messages wait at the door</source>
        <translation>暂停的服务器会冻结：它的计时器停止，发给它的消息在门口等待</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>重启(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Crash</source>
        <translation>崩溃(&amp;C)</translation>
    </message>
    <message>
        <source>Restart from stable storage: term, vote and log survive; commitIndex starts at 0</source>
        <translation>从稳定存储重启：任期、投票和日志保留；commitIndex 从 0 开始</translation>
    </message>
    <message>
        <source>Crash: only the stable storage (term, vote, log) survives</source>
        <translation>崩溃：只有稳定存储（任期、投票、日志）得以保留</translation>
    </message>
    <message>
        <source>&amp;Time Out Now</source>
        <translation>立即超时(&amp;T)</translation>
    </message>
    <message>
        <source>Start an election now, as if the election timer had fired</source>
        <translation>立即发起选举，就像选举计时器到期一样</translation>
    </message>
    <message>
        <source>Client Re&amp;quest…</source>
        <translation>客户端请求(&amp;Q)…</translation>
    </message>
    <message>
        <source>Send a client command to this server</source>
        <translation>向这台服务器发送客户端命令</translation>
    </message>
    <message>
        <source>Reco&amp;nnect</source>
        <translation>重新连接(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Isolate from Network</source>
        <translation>与网络隔离(&amp;I)</translation>
    </message>
    <message>
        <source>Restore every cut link to and from this server</source>
        <translation>恢复这台服务器所有被切断的链路</translation>
    </message>
    <message>
        <source>Cut every link to and from this server</source>
        <translation>切断这台服务器的所有链路</translation>
    </message>
    <message>
        <source>Partition: %1 vs the Rest</source>
        <translation>网络分区：%1 与其余的</translation>
    </message>
    <message>
        <source>Put these servers on one side of a wall and every other server on the other side (Ctrl-click or drag on empty space to select several)</source>
        <translation>把这些服务器放在墙的一侧，其余所有服务器放在另一侧（用 Ctrl+单击或在空白处拖动可选择多台）</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) here</source>
        <translation>
            <numerusform>这里有 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>消息 #%1</translation>
    </message>
    <message>
        <source>#%1 %2 %3 → %4</source>
        <translation>#%1 %2 %3 → %4</translation>
    </message>
    <message>
        <source>Deliver &amp;now</source>
        <translation>立即投递(&amp;N)</translation>
    </message>
    <message>
        <source>Deliver this message at once, ahead of the others: its receiver handles it now</source>
        <translation>立即投递这条消息，先于其他消息：接收者现在就处理它</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Lose this message, as an unreliable network may</source>
        <translation>丢弃这条消息，就像不可靠的网络可能做的那样</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Send a second copy of this message, as an unreliable network may</source>
        <translation>再发送这条消息的一份副本，就像不可靠的网络可能做的那样</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>Show every field of this message in the inspector</source>
        <translation>在检查器中显示这条消息的所有字段</translation>
    </message>
    <message>
        <source>Client Re&amp;quest to the Leader…</source>
        <translation>向领导者发送客户端请求(&amp;Q)…</translation>
    </message>
    <message>
        <source>Send a client command to the current leader</source>
        <translation>向当前领导者发送客户端命令</translation>
    </message>
    <message>
        <source>the leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>&amp;Heal Network</source>
        <translation>恢复网络(&amp;H)</translation>
    </message>
    <message>
        <source>Network &amp;Conditions…</source>
        <translation>网络条件(&amp;C)…</translation>
    </message>
    <message>
        <source>Latency, loss and duplication of the whole network and of single links</source>
        <translation>整个网络以及单条链路的延迟、丢包和重复</translation>
    </message>
    <message>
        <source>Link %1 ↔ %2</source>
        <translation>链路 %1 ↔ %2</translation>
    </message>
    <message>
        <source>Cut %1 → %2</source>
        <translation>切断 %1 → %2</translation>
    </message>
    <message>
        <source>Messages from %1 to %2 are lost; %2 can still reach %1</source>
        <translation>从 %1 到 %2 的消息丢失；%2 仍能联系上 %1</translation>
    </message>
    <message>
        <source>Cut Both Ways</source>
        <translation>双向切断</translation>
    </message>
    <message>
        <source>Neither %1 nor %2 can reach the other</source>
        <translation>%1 和 %2 都联系不上对方</translation>
    </message>
    <message>
        <source>&amp;Restore %1 ↔ %2</source>
        <translation>恢复 %1 ↔ %2(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen both directions of this link (a partition wall, if any, stays)</source>
        <translation>重新打通这条链路的两个方向（如果有分区墙，墙仍然保留）</translation>
    </message>
    <message>
        <source>A partition wall stands between them</source>
        <translation>它们之间隔着一道分区墙</translation>
    </message>
    <message>
        <source>Link &amp;Conditions %1 → %2…</source>
        <translation>链路条件 %1 → %2(&amp;C)…</translation>
    </message>
    <message>
        <source>Give this one-way link its own latency, loss and duplication</source>
        <translation>为这条单向链路设置独立的延迟、丢包和重复</translation>
    </message>
    <message>
        <source>The Network&apos;s Conditions Again</source>
        <translation>恢复为网络的条件</translation>
    </message>
    <message>
        <source>Both directions of this link meet the network&apos;s conditions again</source>
        <translation>这条链路的两个方向重新采用整个网络的条件</translation>
    </message>
    <message>
        <source>Make &amp;Leader</source>
        <translation>设为领导者(&amp;L)</translation>
    </message>
    <message>
        <source>Leadership transfer: the leader brings this server up to date and tells it to start an election now (§3.10)</source>
        <translation>领导权转移：领导者先让这台服务器的日志追上，再让它立即发起选举（§3.10）</translation>
    </message>
    <message>
        <source>Cannot hand leadership to this server: %1</source>
        <translation>无法把领导权移交给这台服务器：%1</translation>
    </message>
    <message>
        <source>Take &amp;Snapshot</source>
        <translation>做快照(&amp;S)</translation>
    </message>
    <message>
        <source>Snapshot the state machine now and discard the log entries it replaces (§7)</source>
        <translation>立即为状态机做快照，并丢弃被它替代的日志条目（§7）</translation>
    </message>
    <message>
        <source>Cannot take a snapshot: %1</source>
        <translation>无法做快照：%1</translation>
    </message>
    <message>
        <source>Rea&amp;d a Key…</source>
        <translation>读取键(&amp;D)…</translation>
    </message>
    <message>
        <source>A client reads a key at this server (§6.4)</source>
        <translation>客户端在这台服务器上读取一个键（§6.4）</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Key to read at %1:</source>
        <translation>要在 %1 上读取的键：</translation>
    </message>
    <message>
        <source>&amp;Add to Cluster</source>
        <translation>加入集群(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot add this server: %1</source>
        <translation>无法加入这台服务器：%1</translation>
    </message>
    <message>
        <source>Cannot remove this server: %1</source>
        <translation>无法移除这台服务器：%1</translation>
    </message>
    <message>
        <source>Membership change: the leader appends the configuration without this server; a removed leader steps down once it is committed (§4.2.2)</source>
        <translation>成员变更：领导者追加不含这台服务器的配置；被移除的领导者在配置提交后退位（§4.2.2）</translation>
    </message>
    <message>
        <source>Membership change: the leader catches this server up as a learner, then appends the configuration with it (§4.2.1)</source>
        <translation>成员变更：领导者先让这台服务器作为学习者追上日志，再追加包含它的配置（§4.2.1）</translation>
    </message>
    <message>
        <source>Re&amp;move from Cluster</source>
        <translation>从集群移除(&amp;M)</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>S%1</source>
        <translation>S%1</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>跟随者</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>up</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>no-op</source>
        <translation>空操作（no-op）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a field&apos;s name, then its value</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>EventWording</name>
    <message>
        <source>Election timeout</source>
        <translation>选举超时</translation>
    </message>
    <message>
        <source>Vote granted</source>
        <translation>同意投票</translation>
    </message>
    <message>
        <source>Vote denied</source>
        <translation>拒绝投票</translation>
    </message>
    <message>
        <source>Vote counted</source>
        <translation>计票</translation>
    </message>
    <message>
        <source>New leader</source>
        <translation>新领导者</translation>
    </message>
    <message>
        <source>Became follower</source>
        <translation>成为跟随者</translation>
    </message>
    <message>
        <source>AppendEntries accepted</source>
        <translation>接受 AppendEntries</translation>
    </message>
    <message>
        <source>AppendEntries rejected</source>
        <translation>拒绝 AppendEntries</translation>
    </message>
    <message>
        <source>Log truncated</source>
        <translation>日志截断</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>Replication acknowledged</source>
        <translation>复制已确认</translation>
    </message>
    <message>
        <source>nextIndex backed off</source>
        <translation>nextIndex 回退</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Commit deferred</source>
        <translation>暂缓提交</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Client request accepted</source>
        <translation>客户端请求已接受</translation>
    </message>
    <message>
        <source>Client request refused</source>
        <translation>客户端请求被拒绝</translation>
    </message>
    <message>
        <source>Client answered</source>
        <translation>已答复客户端</translation>
    </message>
    <message>
        <source>Client request lost</source>
        <translation>客户端请求丢失</translation>
    </message>
    <message>
        <source>Message lost</source>
        <translation>消息丢失</translation>
    </message>
    <message>
        <source>Message duplicated</source>
        <translation>消息重复</translation>
    </message>
    <message>
        <source>Message waiting</source>
        <translation>消息等待</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Network changed</source>
        <translation>网络变化</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置变化</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>旁白</translation>
    </message>
    <message>
        <source>Safety violated</source>
        <translation>安全性被破坏</translation>
    </message>
    <message>
        <source>no particular rule</source>
        <translation>无特定规则</translation>
    </message>
    <message>
        <source>the sender&apos;s term is older than ours</source>
        <translation>发送者的任期比我们的旧</translation>
    </message>
    <message>
        <source>one vote per term, first come first served</source>
        <translation>每个任期只投一票，先到先得</translation>
    </message>
    <message>
        <source>the candidate&apos;s last log term is older</source>
        <translation>候选人最后一条日志的任期更旧</translation>
    </message>
    <message>
        <source>same last term, but the candidate&apos;s log is shorter</source>
        <translation>最后的任期相同，但候选人的日志更短</translation>
    </message>
    <message>
        <source>the candidate&apos;s log is at least as up-to-date</source>
        <translation>候选人的日志至少一样新</translation>
    </message>
    <message>
        <source>a newer term was seen: step down to follower</source>
        <translation>看到了更新的任期：退回为跟随者</translation>
    </message>
    <message>
        <source>a candidate hears from the leader of its own term</source>
        <translation>候选人收到了本任期领导者的消息</translation>
    </message>
    <message>
        <source>AppendEntries with no entries</source>
        <translation>不带日志条目的 AppendEntries</translation>
    </message>
    <message>
        <source>the log has no entry at prevLogIndex</source>
        <translation>日志在 prevLogIndex 处没有条目</translation>
    </message>
    <message>
        <source>the entry at prevLogIndex has another term</source>
        <translation>prevLogIndex 处的条目任期不同</translation>
    </message>
    <message>
        <source>a majority: of votes, or of copies of an entry of the current term</source>
        <translation>多数派：多数选票，或当前任期条目的多数副本</translation>
    </message>
    <message>
        <source>a follower learns commitIndex from the leader</source>
        <translation>跟随者从领导者那里得知 commitIndex</translation>
    </message>
    <message>
        <source>only the leader takes client requests</source>
        <translation>只有领导者接受客户端请求</translation>
    </message>
    <message>
        <source>the user forced it</source>
        <translation>由用户强制</translation>
    </message>
    <message>
        <source>a network partition</source>
        <translation>网络分区</translation>
    </message>
    <message>
        <source>a cut link</source>
        <translation>链路被切断</translation>
    </message>
    <message>
        <source>the network&apos;s loss probability</source>
        <translation>网络的丢包概率</translation>
    </message>
    <message>
        <source>the receiver is down</source>
        <translation>接收者已宕机</translation>
    </message>
    <message>
        <source>the user dropped it</source>
        <translation>被用户丢弃</translation>
    </message>
    <message>
        <source>the network was healed</source>
        <translation>网络已恢复</translation>
    </message>
    <message>
        <source>a reply to a request no longer waited for</source>
        <translation>对已不再等待的请求的回复</translation>
    </message>
    <message>
        <source>the receiver is paused</source>
        <translation>接收者已暂停</translation>
    </message>
    <message>
        <source>RequestVote</source>
        <translation>RequestVote</translation>
    </message>
    <message>
        <source>RequestVoteReply</source>
        <translation>RequestVote 回复</translation>
    </message>
    <message>
        <source>AppendEntries</source>
        <translation>AppendEntries</translation>
    </message>
    <message>
        <source>AppendEntriesReply</source>
        <translation>AppendEntries 回复</translation>
    </message>
    <message>
        <source>%1 was told to time out: it starts an election for term %2, votes for itself and asks the others for votes</source>
        <translation>%1 被要求立即超时：它发起任期 %2 的选举，给自己投票，并向其他服务器请求投票</translation>
    </message>
    <message>
        <source>%1&apos;s election timeout fired without word from a leader: it becomes a candidate for term %2, votes for itself and asks the others for votes</source>
        <translation>%1 的选举超时到期，期间没有收到领导者的消息：它成为任期 %2 的候选人，给自己投票，并向其他服务器请求投票</translation>
    </message>
    <message>
        <source>%1 denied its vote to %2 in term %3: %2&apos;s term %4 is older than %1&apos;s %3</source>
        <translation>%1 在任期 %3 拒绝投票给 %2：%2 的任期 %4 比 %1 的任期 %3 旧</translation>
    </message>
    <message>
        <source>%1 denied its vote to %2 in term %3: %1 already voted for %4 in this term</source>
        <translation>%1 在任期 %3 拒绝投票给 %2：%1 在这个任期已经投票给了 %4</translation>
    </message>
    <message>
        <source>%1 denied its vote to %2 in term %3: %2&apos;s last log term %4 is older than %1&apos;s %5</source>
        <translation>%1 在任期 %3 拒绝投票给 %2：%2 的最后日志任期 %4 比 %1 的 %5 旧</translation>
    </message>
    <message>
        <source>%1 denied its vote to %2 in term %3: both logs end in term %4, but %2&apos;s log is shorter (%5 entries, %1 has %6)</source>
        <translation>%1 在任期 %3 拒绝投票给 %2：两者的日志都以任期 %4 结尾，但 %2 的日志更短（%5 个条目，%1 有 %6 个）</translation>
    </message>
    <message>
        <source>%1 denied its vote to %2 in term %3: %4</source>
        <translation>%1 在任期 %3 拒绝投票给 %2：%4</translation>
    </message>
    <message>
        <source>%1 got a vote from %2 in term %3: %4 of %5 votes needed</source>
        <translation>%1 在任期 %3 得到 %2 的投票：已有 %4 票，需要 %5 票</translation>
    </message>
    <message>
        <source>%1 was refused a vote by %2 in term %3: %4 of %5 votes needed</source>
        <translation>%1 在任期 %3 被 %2 拒绝投票：已有 %4 票，需要 %5 票</translation>
    </message>
    <message>
        <source>%1 heard from %2, the leader of its term %3: it stops campaigning and follows</source>
        <translation>%1 收到了 %2（它所在任期 %3 的领导者）的消息：它停止竞选，成为跟随者</translation>
    </message>
    <message>
        <source>%1 saw term %2 from %3, newer than its term %4: it moves to term %2</source>
        <translation>%1 从 %3 看到任期 %2，比自己的任期 %4 新：它转入任期 %2</translation>
    </message>
    <message>
        <source>%1 saw term %2 from %3, newer than its term %4: it stops being %5 and becomes a follower</source>
        <translation>%1 从 %3 看到任期 %2，比自己的任期 %4 新：它不再是%5，成为跟随者</translation>
    </message>
    <message>
        <source>%1 accepted a heartbeat from leader %2 (term %3): its log matches up to index %4, and its election timer restarts</source>
        <translation>%1 接受了领导者 %2 的心跳（任期 %3）：它的日志与领导者的一致到索引 %4，它的选举计时器重新开始</translation>
    </message>
    <message>
        <source>%1 accepted 1 entry from leader %2 at index %3: its entry at prevLogIndex %4 matches the leader&apos;s</source>
        <translation>%1 接受了领导者 %2 在索引 %3 处的 1 个条目：它在 prevLogIndex %4 处的条目与领导者的一致</translation>
    </message>
    <message>
        <source>%1 accepted %2 entries from leader %3 at index %4..%5: its entry at prevLogIndex %6 matches the leader&apos;s</source>
        <translation>%1 接受了领导者 %3 在索引 %4..%5 处的 %2 个条目：它在 prevLogIndex %6 处的条目与领导者的一致</translation>
    </message>
    <message>
        <source>%1 rejected AppendEntries from %2: %2&apos;s term %3 is older than %1&apos;s %4</source>
        <translation>%1 拒绝了 %2 的 AppendEntries：%2 的任期 %3 比 %1 的任期 %4 旧</translation>
    </message>
    <message>
        <source>%1 rejected AppendEntries from %2: %1 has no entry at prevLogIndex %3 (its log ends at %4)</source>
        <translation>%1 拒绝了 %2 的 AppendEntries：%1 在 prevLogIndex %3 处没有条目（它的日志只到 %4）</translation>
    </message>
    <message>
        <source>%1 rejected AppendEntries from %2: %1&apos;s entry at prevLogIndex %3 has term %4, not the leader&apos;s %5</source>
        <translation>%1 拒绝了 %2 的 AppendEntries：%1 在 prevLogIndex %3 处的条目任期为 %4，而领导者的是 %5</translation>
    </message>
    <message>
        <source>%1 rejected AppendEntries from %2: %3</source>
        <translation>%1 拒绝了 %2 的 AppendEntries：%3</translation>
    </message>
    <message>
        <source>%1 deleted 1 entry after index %2: they conflict with leader %3&apos;s entry of term %4</source>
        <translation>%1 删除了索引 %2 之后的 1 个条目：它与领导者 %3 任期 %4 的条目冲突</translation>
    </message>
    <message>
        <source>%1 deleted %2 entries after index %3: they conflict with leader %4&apos;s entry of term %5</source>
        <translation>%1 删除了索引 %3 之后的 %2 个条目：它们与领导者 %4 任期 %5 的条目冲突</translation>
    </message>
    <message>
        <source>%1 committed up to index %2: a majority stores it, and the entry is from its current term %3</source>
        <translation>%1 提交到索引 %2：多数服务器已存储该条目，并且它属于当前任期 %3</translation>
    </message>
    <message>
        <source>%1 advanced its commitIndex from %2 to %3 as leader %4 told it</source>
        <translation>%1 按领导者 %4 的通知把 commitIndex 从 %2 推进到 %3</translation>
    </message>
    <message>
        <source>%1 advanced its commitIndex from %2 to %3 as leader of term %4 told it</source>
        <translation>%1 按任期 %4 的领导者的通知把 commitIndex 从 %2 推进到 %3</translation>
    </message>
    <message>
        <source>%1 ignored the %2 from %3 of term %4: its own term %5 is newer</source>
        <translation>%1 忽略了 %3 发来的任期 %4 的 %2：它自己的任期 %5 更新</translation>
    </message>
    <message>
        <source>%1 ignored the %2 from %3: it answers a request %1 no longer waits for</source>
        <translation>%1 忽略了 %3 发来的 %2：它回复的请求 %1 已不再等待</translation>
    </message>
    <message>
        <source>%1 refused client request %2: it is not the leader; try %3</source>
        <translation>%1 拒绝了客户端请求 %2：它不是领导者；请尝试 %3</translation>
    </message>
    <message>
        <source>%1 refused client request %2: it is not the leader; it knows no leader</source>
        <translation>%1 拒绝了客户端请求 %2：它不是领导者，也不知道谁是领导者</translation>
    </message>
    <message>
        <source>%1 cannot take client request %2: it is paused</source>
        <translation>%1 无法接受客户端请求 %2：它已暂停</translation>
    </message>
    <message>
        <source>%1 cannot take client request %2: it is down</source>
        <translation>%1 无法接受客户端请求 %2：它已宕机</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: a network partition separates them</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：网络分区把它们隔开了</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: the link from %2 to %3 is cut</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：从 %2 到 %3 的链路被切断</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: the network dropped it</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：网络把它丢弃了</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: %3 is down</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：%3 已宕机</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: dropped by hand</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：被手动丢弃</translation>
    </message>
    <message>
        <source>The %1 from %2 to %3 was lost: %4</source>
        <translation>从 %2 发往 %3 的 %1 丢失了：%4</translation>
    </message>
    <message>
        <source>The network was told to duplicate the %1 from %2 to %3</source>
        <translation>网络被要求复制一条从 %2 发往 %3 的 %1</translation>
    </message>
    <message>
        <source>The network duplicated the %1 from %2 to %3</source>
        <translation>网络复制了一条从 %2 发往 %3 的 %1</translation>
    </message>
    <message>
        <source>The %1 from %2 reached %3 and waits at its door: %3 is paused</source>
        <translation>从 %2 发出的 %1 到达 %3，在门口等待：%3 已暂停</translation>
    </message>
    <message>
        <source>The %1 from %2 reached %3 and waits at its door: it is held for delivery by hand</source>
        <translation>从 %2 发出的 %1 到达 %3，在门口等待：它被扣留，等待手动投递</translation>
    </message>
    <message>
        <source>The network was partitioned: %1</source>
        <translation>网络被分区：%1</translation>
    </message>
    <message>
        <source>%1 was isolated from the network</source>
        <translation>%1 与网络隔离了</translation>
    </message>
    <message>
        <source>The link %1 &lt;-&gt; %2 was cut</source>
        <translation>%1 &lt;-&gt; %2 的链路被切断</translation>
    </message>
    <message>
        <source>The link %1 -&gt; %2 was cut</source>
        <translation>%1 -&gt; %2 的链路被切断</translation>
    </message>
    <message>
        <source>The link %1 &lt;-&gt; %2 was restored</source>
        <translation>链路 %1 &lt;-&gt; %2 已恢复</translation>
    </message>
    <message>
        <source>The link %1 -&gt; %2 was restored</source>
        <translation>链路 %1 -&gt; %2 已恢复</translation>
    </message>
    <message>
        <source>%1 was reconnected</source>
        <translation>%1 已重新连接</translation>
    </message>
    <message>
        <source>The network was healed</source>
        <translation>网络已恢复</translation>
    </message>
    <message>
        <source>The network changed</source>
        <translation>网络发生了变化</translation>
    </message>
    <message>
        <source>%1 voted for %2 in term %3: %2&apos;s log (last term %4, index %5) is at least as up-to-date as %1&apos;s, and %1 had not voted for anyone else in this term</source>
        <translation>%1 在任期 %3 投票给 %2：%2 的日志（最后任期 %4，索引 %5）至少和 %1 的一样新，而且 %1 在这个任期还没有投票给别人</translation>
    </message>
    <message>
        <source>%1 won the election for term %2 with %3 of %4 votes, a majority: it becomes leader and sends AppendEntries to assert its authority</source>
        <translation>%1 以 %3/%4 票（多数）赢得任期 %2 的选举：它成为领导者，并发送 AppendEntries 以确立自己的地位</translation>
    </message>
    <message>
        <source>%1&apos;s heartbeat timer fired: as leader of term %2 it sends AppendEntries to every follower</source>
        <translation>%1 的心跳计时器到期：作为任期 %2 的领导者，它向每个跟随者发送 AppendEntries</translation>
    </message>
    <message>
        <source>Leader %1 learned that %2 holds its log up to index %3 (matchIndex %3, nextIndex %4)</source>
        <translation>领导者 %1 得知 %2 的日志与它一致到索引 %3（matchIndex %3，nextIndex %4）</translation>
    </message>
    <message>
        <source>Leader %1 moves %2&apos;s nextIndex back from %3 to %4 and retries: %2&apos;s log did not match</source>
        <translation>领导者 %1 把 %2 的 nextIndex 从 %3 回退到 %4 并重试：%2 的日志不匹配</translation>
    </message>
    <message>
        <source>%1 has index %2 on a majority but does not commit it: it is from term %3, and a leader only commits entries of its current term %4 by counting replicas</source>
        <translation>%1 的索引 %2 已存储在多数服务器上，但它不提交：该条目属于任期 %3，而领导者只通过计数副本来提交当前任期 %4 的条目</translation>
    </message>
    <message>
        <source>%1 applied entry %2 %3 to its state machine</source>
        <translation>%1 把条目 %2 %3 应用到它的状态机</translation>
    </message>
    <message>
        <source>Leader %1 appended client request %2 at index %3 in term %4</source>
        <translation>领导者 %1 在任期 %4 把客户端请求 %2 追加到索引 %3</translation>
    </message>
    <message>
        <source>Leader %1 answered the client: %2 (index %3) is committed and applied</source>
        <translation>领导者 %1 答复了客户端：%2（索引 %3）已提交并应用</translation>
    </message>
    <message>
        <source>The client request %1 accepted at index %2 in term %3 was replaced by another leader&apos;s entry before it committed; the client must retry</source>
        <translation>在任期 %3 被接受到索引 %2 的客户端请求 %1 在提交之前被另一个领导者的条目替换了；客户端必须重试</translation>
    </message>
    <message>
        <source>%1 crashed: its currentTerm %2, votedFor and %3 log entries survive on stable storage; everything else is lost</source>
        <translation>%1 崩溃了：它的 currentTerm %2、votedFor 和 %3 个日志条目保存在稳定存储中；其余一切都丢失了</translation>
    </message>
    <message>
        <source>%1 restarted as a follower in term %2 with its %3 stored entries; commitIndex is 0 until a leader tells it more</source>
        <translation>%1 以跟随者身份在任期 %2 重启，带着存储的 %3 个条目；在领导者告诉它更多之前，commitIndex 为 0</translation>
    </message>
    <message>
        <source>%1 is paused: its timers stop and messages wait at its door</source>
        <translation>%1 已暂停：它的计时器停止，发给它的消息在门口等待</translation>
    </message>
    <message>
        <source>%1 resumed</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <source>Settings changed: %1</source>
        <translation>设置已更改：%1</translation>
    </message>
    <message>
        <source>SAFETY VIOLATION: %1</source>
        <translation>安全性被破坏：%1</translation>
    </message>
    <message>
        <source>Pre-vote</source>
        <translation>预投票</translation>
    </message>
    <message>
        <source>Pre-vote granted</source>
        <translation>同意预投票</translation>
    </message>
    <message>
        <source>Pre-vote denied</source>
        <translation>拒绝预投票</translation>
    </message>
    <message>
        <source>PreVote</source>
        <translation>PreVote</translation>
    </message>
    <message>
        <source>PreVoteReply</source>
        <translation>PreVoteReply</translation>
    </message>
    <message>
        <source>a pre-vote: would a majority vote, before any term changes</source>
        <translation>预投票：在任期改变之前，先问多数是否会投票</translation>
    </message>
    <message>
        <source>a leader was heard from within the minimum election timeout</source>
        <translation>在最短选举超时之内收到过领导者的消息</translation>
    </message>
    <message>
        <source>the leader heard from no majority within an election timeout</source>
        <translation>领导者在一个选举超时内没有收到多数的回应</translation>
    </message>
    <message>
        <source>%1 won pre-votes from a majority: now it becomes a candidate for term %2, votes for itself and asks the others for votes</source>
        <translation>%1 得到多数的预投票：现在它成为任期 %2 的候选人，给自己投票并向其他服务器请求投票</translation>
    </message>
    <message>
        <source>%1 was told to time out: before it campaigns it asks the others whether they would vote for it in term %2; its term stays %3</source>
        <translation>%1 被要求超时：竞选之前，它先问其他服务器是否会在任期 %2 投票给它；它的任期仍是 %3</translation>
    </message>
    <message>
        <source>%1&apos;s election timeout fired without word from a leader: before it campaigns it asks the others whether they would vote for it in term %2; its term stays %3</source>
        <translation>%1 的选举超时到期，期间没有收到领导者的消息：竞选之前，它先问其他服务器是否会在任期 %2 投票给它；它的任期仍是 %3</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: %2 would campaign in term %3, not newer than %1&apos;s %4</source>
        <translation>%1 不会投票给 %2：%2 要竞选的任期 %3 并不比 %1 的任期 %4 新</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: %1 heard from a leader less than an election timeout ago, so the cluster needs no election</source>
        <translation>%1 不会投票给 %2：%1 在不到一个选举超时之前还收到过领导者的消息，集群不需要选举</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: it already voted for %3 in term %4</source>
        <translation>%1 不会投票给 %2：它在任期 %4 已经投票给 %3</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: %2&apos;s last log term %3 is older than %1&apos;s %4</source>
        <translation>%1 不会投票给 %2：%2 的最后日志任期 %3 比 %1 的 %4 旧</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: both logs end in term %3, but %2&apos;s log is shorter (%4 entries, %1 has %5)</source>
        <translation>%1 不会投票给 %2：两份日志都以任期 %3 结尾，但 %2 的日志更短（%4 条，%1 有 %5 条）</translation>
    </message>
    <message>
        <source>%1 would not vote for %2: %3</source>
        <translation>%1 不会投票给 %2：%3</translation>
    </message>
    <message>
        <source>%1 got a pre-vote from %2 (term %3): %4 of %5 needed</source>
        <translation>%1 得到 %2 的预投票（任期 %3）：已有 %4 票，需要 %5 票</translation>
    </message>
    <message>
        <source>%1 was refused a pre-vote by %2 (term %3): %4 of %5 needed</source>
        <translation>%1 被 %2 拒绝预投票（任期 %3）：已有 %4 票，需要 %5 票</translation>
    </message>
    <message>
        <source>%1 heard from no majority within an election timeout: it steps down as leader of term %2, since another leader may have been elected</source>
        <translation>%1 在一个选举超时内没有收到多数的回应：它不再担任任期 %2 的领导者，因为可能已经选出了另一个领导者</translation>
    </message>
    <message>
        <source>%1 ignored the %2 from %3 of term %4: it heard from its leader less than the minimum election timeout ago, so it keeps term %5</source>
        <translation>%1 忽略了 %3 发来的任期 %4 的 %2：它在不到最短选举超时之前还收到过领导者的消息，所以保持任期 %5</translation>
    </message>
    <message>
        <source>%1 would vote for %2: %2&apos;s log (last term %3, index %4) is at least as up-to-date as %1&apos;s and %1 has no leader it heard from lately; its term stays %5</source>
        <translation>%1 会投票给 %2：%2 的日志（最后任期 %3，索引 %4）至少和 %1 的一样新，且 %1 最近没有收到领导者的消息；它的任期仍是 %5</translation>
    </message>
    <message>
        <source>Leadership transfer</source>
        <translation>领导权转移</translation>
    </message>
    <message>
        <source>Leadership transfer abandoned</source>
        <translation>放弃领导权转移</translation>
    </message>
    <message>
        <source>TimeoutNow</source>
        <translation>TimeoutNow</translation>
    </message>
    <message>
        <source>the leader handed leadership over: campaign at once</source>
        <translation>领导者移交了领导权：立即竞选</translation>
    </message>
    <message>
        <source>the leader is handing leadership over and takes no requests</source>
        <translation>领导者正在移交领导权，不接受请求</translation>
    </message>
    <message>
        <source>%1 got TimeoutNow from leader %2: it starts an election for term %3 at once, without waiting for its timer or asking for pre-votes, votes for itself and asks the others for votes</source>
        <translation>%1 收到领导者 %2 的 TimeoutNow：它立即发起任期 %3 的选举，不等计时器到期，也不先请求预投票，给自己投票并向其他服务器请求投票</translation>
    </message>
    <message>
        <source>%1 refused client request %2: it is handing leadership over to %3; try %3</source>
        <translation>%1 拒绝了客户端请求 %2：它正在把领导权移交给 %3；请尝试 %3</translation>
    </message>
    <message>
        <source>Leader %1 hands leadership of term %2 over to %3: it takes no more client requests, brings %3&apos;s log up to date (%3 matches up to index %4 of %5) and then sends it TimeoutNow</source>
        <translation>领导者 %1 把任期 %2 的领导权移交给 %3：它不再接受客户端请求，先让 %3 的日志追上（%3 已匹配到索引 %4，共 %5），然后向它发送 TimeoutNow</translation>
    </message>
    <message>
        <source>%1&apos;s handover to %2 did not complete within an election timeout: %1 leads on and takes client requests again</source>
        <translation>%1 向 %2 的移交没有在一个选举超时内完成：%1 继续担任领导者，并重新接受客户端请求</translation>
    </message>
    <message>
        <source>Leader %1 learned that %2 holds its snapshot: %2&apos;s log matches up to index %3, and entries follow from index %4</source>
        <translation>领导者 %1 得知 %2 已持有它的快照：%2 的日志与它一致到索引 %3，条目从索引 %4 起继续发送</translation>
    </message>
    <message>
        <source>Asked to, %1 took a snapshot of its state machine up to index %2 (term %3) and discarded the %4 log entries it replaces</source>
        <translation>应用户要求，%1 为状态机做了快照，包含到索引 %2（任期 %3），并丢弃了被快照替代的 %4 个日志条目</translation>
    </message>
    <message>
        <source>%1 took a snapshot of its state machine up to index %2 (term %3) and discarded the %4 log entries it replaces</source>
        <translation>%1 为状态机做了快照，包含到索引 %2（任期 %3），并丢弃了被快照替代的 %4 个日志条目</translation>
    </message>
    <message>
        <source>Leader %1 needs to send %2 entries from index %3 on, but they are compacted into its snapshot (up to index %4): it sends the snapshot instead, in %5 InstallSnapshot chunk(s)</source>
        <translation>领导者 %1 需要从索引 %3 起给 %2 发送条目，但这些条目已被压缩进它的快照（到索引 %4）：它改为发送快照，共 %5 个 InstallSnapshot 分块</translation>
    </message>
    <message>
        <source>%1 wrote a chunk of %2&apos;s snapshot (up to index %3): %4 of %5 bytes so far; it replies and waits for the rest</source>
        <translation>%1 写入了 %2 的快照（到索引 %3）的一个分块：目前已收到 %5 字节中的 %4 字节；它回复并等待其余分块</translation>
    </message>
    <message>
        <source>%1 installed %2&apos;s snapshot up to index %3 (term %4): its log has that entry, so it keeps the %5 entries after it; its state machine now starts from the snapshot, and commitIndex and lastApplied are %3</source>
        <translation>%1 安装了 %2 的快照，到索引 %3（任期 %4）：它的日志有这个条目，所以保留其后的 %5 个条目；它的状态机现在从快照开始，commitIndex 和 lastApplied 为 %3</translation>
    </message>
    <message>
        <source>%1 installed %2&apos;s snapshot up to index %3 (term %4): its log lacks that entry, so it discards its whole log; its state machine now starts from the snapshot, and commitIndex and lastApplied are %3</source>
        <translation>%1 安装了 %2 的快照，到索引 %3（任期 %4）：它的日志没有这个条目，所以丢弃整个日志；它的状态机现在从快照开始，commitIndex 和 lastApplied 为 %3</translation>
    </message>
    <message>
        <source>%1 rejected an InstallSnapshot from %2 of an older term: it replies at once with its term %3</source>
        <translation>%1 拒绝了 %2 来自旧任期的 InstallSnapshot：它立即回复自己的任期 %3</translation>
    </message>
    <message>
        <source>%1 did not install %2&apos;s snapshot up to index %3: it has committed that much already, and installing it would move its state machine back</source>
        <translation>%1 没有安装 %2 到索引 %3 的快照：它已经提交了这么多条目，安装它会让状态机倒退</translation>
    </message>
    <message>
        <source>%1 did not write a chunk of %2&apos;s snapshot: it does not continue the %3 bytes received so far, and the reply says where to go on</source>
        <translation>%1 没有写入 %2 快照的一个分块：它不能接续已收到的 %3 字节，回复会说明从哪里继续</translation>
    </message>
    <message>
        <source>%1 restarted as a follower in term %2 from its snapshot up to index %3: its state machine starts from the snapshot, commitIndex and lastApplied start at %3, and its log runs on to index %4</source>
        <translation>%1 以任期 %2 的跟随者身份从它到索引 %3 的快照重启：状态机从快照开始，commitIndex 和 lastApplied 从 %3 开始，日志一直到索引 %4</translation>
    </message>
    <message>
        <source>Snapshot taken</source>
        <translation>已做快照</translation>
    </message>
    <message>
        <source>Snapshot sent</source>
        <translation>发送快照</translation>
    </message>
    <message>
        <source>Snapshot chunk received</source>
        <translation>收到快照分块</translation>
    </message>
    <message>
        <source>Snapshot installed</source>
        <translation>已安装快照</translation>
    </message>
    <message>
        <source>InstallSnapshot not installed</source>
        <translation>InstallSnapshot 未安装</translation>
    </message>
    <message>
        <source>the log holds the snapshot&apos;s last entry: the entries after it stay</source>
        <translation>日志中有快照的最后一个条目：其后的条目保留</translation>
    </message>
    <message>
        <source>the log lacks the snapshot&apos;s last entry: the whole log is discarded</source>
        <translation>日志中没有快照的最后一个条目：丢弃整个日志</translation>
    </message>
    <message>
        <source>every entry the snapshot covers is committed here already</source>
        <translation>快照涵盖的每个条目在这里都已提交</translation>
    </message>
    <message>
        <source>the chunk does not continue the bytes received so far</source>
        <translation>这个分块不能接续目前已收到的字节</translation>
    </message>
    <message>
        <source>InstallSnapshot</source>
        <translation>InstallSnapshot</translation>
    </message>
    <message>
        <source>InstallSnapshotReply</source>
        <translation>InstallSnapshotReply</translation>
    </message>
    <message>
        <source>Read taken</source>
        <translation>读已受理</translation>
    </message>
    <message>
        <source>Read confirmed</source>
        <translation>读已确认</translation>
    </message>
    <message>
        <source>Read refused</source>
        <translation>读被拒绝</translation>
    </message>
    <message>
        <source>Read answered</source>
        <translation>读已回答</translation>
    </message>
    <message>
        <source>Client retried</source>
        <translation>客户端重试</translation>
    </message>
    <message>
        <source>Duplicate skipped</source>
        <translation>跳过重复请求</translation>
    </message>
    <message>
        <source>Leader %1 took read #%2 at commitIndex %3: its lease holds until %4 ms, so no other leader can exist</source>
        <translation>领导者 %1 在 commitIndex %3 受理了读 #%2：它的租约持续到 %4 毫秒，所以不可能存在别的领导者</translation>
    </message>
    <message>
        <source>Leader %1 took read #%2 and noted commitIndex %3; it sends a round of heartbeats to confirm it still leads</source>
        <translation>领导者 %1 受理了读 #%2，记下 commitIndex %3；它发出一轮心跳，确认自己仍是领导者</translation>
    </message>
    <message>
        <source>Leader %1 answers read #%2 within its lease, once index %3 is applied</source>
        <translation>领导者 %1 在租约之内回答读 #%2，只要索引 %3 已应用</translation>
    </message>
    <message>
        <source>A majority answered %1&apos;s heartbeats: it still leads, and answers read #%2 once index %3 is applied</source>
        <translation>多数回应了 %1 的心跳：它仍是领导者，等索引 %3 应用后就回答读 #%2</translation>
    </message>
    <message>
        <source>%1 refused read #%2: it is not the leader; try %3</source>
        <translation>%1 拒绝了读 #%2：它不是领导者；请试试 %3</translation>
    </message>
    <message>
        <source>%1 refused read #%2: it is not the leader; it knows no leader</source>
        <translation>%1 拒绝了读 #%2：它不是领导者；它不知道领导者是谁</translation>
    </message>
    <message>
        <source>%1 refused read #%2: it is handing leadership over to %3; try %3</source>
        <translation>%1 拒绝了读 #%2：它正在把领导权转移给 %3；请试试 %3</translation>
    </message>
    <message>
        <source>%1 stopped leading before it could confirm read #%2: no answer</source>
        <translation>%1 在确认读 #%2 之前就不再是领导者：没有回答</translation>
    </message>
    <message>
        <source>%1 cannot answer read #%2: it is paused</source>
        <translation>%1 无法回答读 #%2：它已暂停</translation>
    </message>
    <message>
        <source>%1 cannot answer read #%2: it is down</source>
        <translation>%1 无法回答读 #%2：它已宕机</translation>
    </message>
    <message>
        <source>%1 answered read #%2 from its own state machine (index %3 applied): %4 — without asking anyone, so it may be stale</source>
        <translation>%1 用自己的状态机回答了读 #%2（已应用到索引 %3）：%4——没有询问任何人，所以可能是过期的</translation>
    </message>
    <message>
        <source>%1 answered read #%2 (index %3 applied): %4</source>
        <translation>%1 回答了读 #%2（已应用到索引 %3）：%4</translation>
    </message>
    <message>
        <source>Client %1 heard no answer to its request %2 and sends it again to %3 (attempt %4): %5</source>
        <translation>客户端 %1 的 %2 号请求没有得到回复，它把请求再次发给 %3（第 %4 次）：%5</translation>
    </message>
    <message>
        <source>%1 skipped entry %2 %3: its session table shows that request was applied already, so it is not applied twice</source>
        <translation>%1 跳过了条目 %2 %3：会话表表明这个请求已经应用过，所以不会应用两次</translation>
    </message>
    <message>
        <source>%1 learned that the committed configuration (entry %2) leaves it out: it is removed and stops</source>
        <translation>%1 得知已提交的配置（条目 %2）不包含它：它已被移除并停止工作</translation>
    </message>
    <message>
        <source>%1 lost the newer configuration with the truncated entries: it falls back to the configuration of entry %2, voters %3</source>
        <translation>%1 随着被截断的条目失去了较新的配置：它退回到条目 %2 的配置，投票者为 %3</translation>
    </message>
    <message>
        <source>%1 managed the cluster until the configuration that removes it was committed: now it steps down as leader of term %2</source>
        <translation>%1 一直管理集群，直到移除它的配置被提交：现在它不再担任任期 %2 的领导者</translation>
    </message>
    <message>
        <source>%1 now uses the configuration of entry %2, voters %3: a server uses the newest configuration in its log, committed or not</source>
        <translation>%1 现在使用条目 %2 的配置，投票者为 %3：服务器使用其日志中最新的配置，无论是否已提交</translation>
    </message>
    <message>
        <source>%1 now uses the joint configuration C_old,new (entry %2): decisions need a majority of the new voters %3 and of the old voters %4</source>
        <translation>%1 现在使用联合配置 C_old,new（条目 %2）：决定需要新投票者 %3 的多数派，同时也需要旧投票者 %4 的多数派</translation>
    </message>
    <message>
        <source>%2 reached the end of catch-up round %3 but the round took longer than an election timeout: leader %1 starts round %4, up to index %5</source>
        <translation>%2 完成了第 %3 轮追赶，但这一轮用时超过一个选举超时：领导者 %1 开始第 %4 轮，直到索引 %5</translation>
    </message>
    <message>
        <source>Configuration in force</source>
        <translation>生效的配置</translation>
    </message>
    <message>
        <source>Leader %1 gives the change up: %2 did not catch up (round %3, it matches up to index %4 of %5); a server that is down or too slow would hold every other change back</source>
        <translation>领导者 %1 放弃这次变更：%2 没有追上（第 %3 轮，它只与 %5 中的前 %4 个条目一致）；一台宕机或太慢的服务器会拖住其他所有变更</translation>
    </message>
    <message>
        <source>Leader %1 starts catching %2 up as a learner: it sends %2 its log up to index %3 first; a learner neither votes nor counts toward a majority</source>
        <translation>领导者 %1 开始让学习者 %2 追赶日志：先把直到索引 %3 的日志发给 %2；学习者既不投票，也不计入多数派</translation>
    </message>
    <message>
        <source>New server catching up</source>
        <translation>新服务器追赶日志</translation>
    </message>
    <message>
        <source>Server removed</source>
        <translation>服务器被移除</translation>
    </message>
    <message>
        <source>the committed configuration leaves the server out</source>
        <translation>已提交的配置不包含该服务器</translation>
    </message>
    <message>
        <source>the new server did not catch up in time</source>
        <translation>新服务器没有及时追上</translation>
    </message>
</context>
<context>
    <name>ExperimentDialog</name>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Election timing (§9.3)</source>
        <translation>选举计时（§9.3）</translation>
    </message>
    <message>
        <source>Split votes</source>
        <translation>选票瓜分</translation>
    </message>
    <message>
        <source>Election timeout &amp;ranges (ms):</source>
        <translation>选举超时范围(&amp;R)（毫秒）：</translation>
    </message>
    <message>
        <source>Comma-separated MIN-MAX ranges in milliseconds; the defaults are those of the paper&apos;s Figure 16</source>
        <translation>以逗号分隔的 最小-最大 范围，单位毫秒；默认值即论文图 16 中的范围</translation>
    </message>
    <message>
        <source>Cluster si&amp;zes:</source>
        <translation>集群规模(&amp;Z)：</translation>
    </message>
    <message>
        <source>Network &amp;latencies (ms):</source>
        <translation>网络延迟(&amp;L)（毫秒）：</translation>
    </message>
    <message>
        <source>&amp;Timeout (ms):</source>
        <translation>超时(&amp;T)（毫秒）：</translation>
    </message>
    <message>
        <source>T&amp;rials per setting:</source>
        <translation>每种设置的试验次数(&amp;R)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Clock &amp;grain:</source>
        <translation>时钟精度(&amp;G)：</translation>
    </message>
    <message>
        <source>microseconds</source>
        <translation>微秒</translation>
    </message>
    <message>
        <source>milliseconds (the window&apos;s clock)</source>
        <translation>毫秒（窗口使用的时钟）</translation>
    </message>
    <message>
        <source>Each trial follows the paper&apos;s method: a leader of five servers broadcasts a synchronized heartbeat and a new entry that only some followers get (those without it cannot win), then crashes at a random moment within its heartbeat interval (half the minimum timeout). Downtime runs from the crash until the new leader&apos;s first heartbeat has reached every other server. Network 0.2–0.6 ms, disk write 14–15 ms (a vote counts once saved); a trial still leaderless after 10 s is stopped (censored).</source>
        <translation>每次试验都按论文的方法进行：五台服务器的领导者同步广播一次心跳和一个新的日志条目，只有部分跟随者收到这个条目（没有收到的不能当选），随后领导者在其心跳间隔（最小超时的一半）内的随机时刻崩溃。停机时间从崩溃开始，到新领导者的第一次心跳到达其他所有服务器为止。网络 0.2–0.6 毫秒，磁盘写入 14–15 毫秒（选票写入磁盘后才算数）；10 秒后仍没有领导者的试验会被停止（截尾）。</translation>
    </message>
    <message>
        <source>Each trial: the same crash with every log equal (any server may win), for each cluster size and network latency; disk write 14–15 ms. A split vote is a trial that needed more than one term; the table also gives the time until the new leader&apos;s first heartbeat reached everyone.</source>
        <translation>每次试验：同样的崩溃，但所有日志都相同（任何服务器都可以当选），对每种集群规模和网络延迟各做一遍；磁盘写入 14–15 毫秒。选票瓜分指需要不止一个任期的试验；表格还给出新领导者的第一次心跳到达所有服务器之前的时间。</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Time without a leader after a crash (cumulative)</source>
        <translation>崩溃后没有领导者的时间（累积分布）</translation>
    </message>
    <message>
        <source>Split votes after a crash, by cluster size</source>
        <translation>崩溃后的选票瓜分，按集群规模</translation>
    </message>
    <message>
        <source>Timeout ranges: %1</source>
        <translation>超时范围：%1</translation>
    </message>
    <message>
        <source>Cluster sizes: &apos;%1&apos; is no size from 3 to 9</source>
        <translation>集群规模：“%1”不是 3 到 9 之间的规模</translation>
    </message>
    <message>
        <source>Network latencies: %1</source>
        <translation>网络延迟：%1</translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation>超时：%1</translation>
    </message>
    <message>
        <source>the paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>%1 median: paper %2 ms, ours %3 ms</source>
        <translation>%1 中位数：论文 %2 毫秒，我们 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 worst: paper %2 ms, ours %3 ms</source>
        <translation>%1 最坏情况：论文 %2 毫秒，我们 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 mean: paper %2 ms, ours %3 ms</source>
        <translation>%1 平均值：论文 %2 毫秒，我们 %3 毫秒</translation>
    </message>
    <message>
        <source>%1: the paper&apos;s elections kept splitting for over 10 s; ours: %2 of %3 trials leaderless at 10 s</source>
        <translation>%1：论文中的选举持续瓜分超过 10 秒；我们：%3 次试验中有 %2 次在 10 秒时仍没有领导者</translation>
    </message>
    <message>
        <source>time without a leader (ms)</source>
        <translation>没有领导者的时间（毫秒）</translation>
    </message>
    <message>
        <source>trials (%)</source>
        <translation>试验（%）</translation>
    </message>
    <message>
        <source>The paper&apos;s figures (black squares: a median at 50%, a worst case at 100%): </source>
        <translation>论文的数据（黑色方块：中位数画在 50%，最坏情况画在 100%）：</translation>
    </message>
    <message>
        <source>Range (ms)</source>
        <translation>范围（毫秒）</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Mean (ms)</source>
        <translation>平均（毫秒）</translation>
    </message>
    <message>
        <source>Median (ms)</source>
        <translation>中位数（毫秒）</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99（毫秒）</translation>
    </message>
    <message>
        <source>Worst (ms)</source>
        <translation>最坏（毫秒）</translation>
    </message>
    <message>
        <source>Censored</source>
        <translation>截尾</translation>
    </message>
    <message>
        <source>Over one term</source>
        <translation>超过一个任期</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>The paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>leaderless &gt; 10 s</source>
        <translation>无领导者 &gt; 10 秒</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>中位数 %1</translation>
    </message>
    <message>
        <source>worst %1</source>
        <translation>最坏 %1</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>network %1 ms</source>
        <translation>网络 %1 毫秒</translation>
    </message>
    <message>
        <source>servers</source>
        <translation>服务器数</translation>
    </message>
    <message>
        <source>split votes (% of trials)</source>
        <translation>选票瓜分（占试验的 %）</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器数</translation>
    </message>
    <message>
        <source>Network (ms)</source>
        <translation>网络（毫秒）</translation>
    </message>
</context>
<context>
    <name>ExportAnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> × real time</source>
        <translation> × 实际速度</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>从(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;peed:</source>
        <translation>速度(&amp;P)：</translation>
    </message>
    <message>
        <source>Frame &amp;rate:</source>
        <translation>帧率(&amp;A)：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The span must end after it starts.</source>
        <translation>时间段的结束必须晚于开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s): too many (at most %1); shorten the span or raise the speed.</source>
        <translation>
            <numerusform>%n 帧：太多了（最多 %1 帧）；请缩短时间段或提高速度。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1 s long</source>
        <translation>
            <numerusform>%n 帧，时长 %1 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>The cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>The space-time diagram</source>
        <translation>时空图</translation>
    </message>
    <message>
        <source>The log grid</source>
        <translation>日志表格</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>整个窗口</translation>
    </message>
</context>
<context>
    <name>ExportPictureDialog</name>
    <message>
        <source>Export Picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG, screen size (1×)</source>
        <translation>PNG，屏幕尺寸（1×）</translation>
    </message>
    <message>
        <source>PNG, twice the size (2×), for sharp slides</source>
        <translation>PNG，两倍尺寸（2×），幻灯片上更清晰</translation>
    </message>
    <message>
        <source>SVG, vector, for slides</source>
        <translation>SVG，矢量图，用于幻灯片</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>FileErrorBox</name>
    <message numerus="yes">
        <source>…and %n more problem(s)</source>
        <translation>
            <numerusform>……另有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>This file is a saved run, not a scenario: open it with File › Open Run… (Ctrl+Shift+O).</source>
        <translation>此文件是保存的运行，不是场景：请用“文件 › 打开运行…”（Ctrl+Shift+O）打开。</translation>
    </message>
    <message>
        <source>This file is a scenario, not a saved run: open it with File › Open Scenario… (Ctrl+O).</source>
        <translation>此文件是场景，不是保存的运行：请用“文件 › 打开场景…”（Ctrl+O）打开。</translation>
    </message>
</context>
<context>
    <name>LessonBar</name>
    <message>
        <source>Line %1: %2 — %3</source>
        <translation>第 %1 行：%2 — %3</translation>
    </message>
    <message>
        <source>Scenario “%1” finished: every expectation held (%2).</source>
        <translation>场景“%1”结束：所有预期都成立（%2 项）。</translation>
    </message>
    <message>
        <source>Scenario “%1” finished: %2 held, %3 failed.</source>
        <translation>场景“%1”结束：%2 项预期成立，%3 项失败。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenario: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;场景：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:#b0301c&apos;&gt;failed expectations: %1&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:#b0301c&apos;&gt;失败的预期：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一句</translation>
    </message>
    <message>
        <source>Back to the previous line of the lesson (Page Up)</source>
        <translation>回到课程的上一句（Page Up）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一句 ▶</translation>
    </message>
    <message>
        <source>Play on to the next line of the lesson (Page Down)</source>
        <translation>继续播放到课程的下一句（Page Down）</translation>
    </message>
    <message>
        <source>Next plays on to the following line.</source>
        <translation>“下一句”继续播放到下一行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your turn:&lt;/b&gt; %1 &lt;i&gt;(Continue does it for you.)&lt;/i&gt;</source>
        <translation>&lt;b&gt;轮到你了：&lt;/b&gt;%1 &lt;i&gt;（“继续”会替你完成。）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;问题：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&lt;b&gt;The run says:&lt;/b&gt; %1.</source>
        <translation>&lt;b&gt;运行结果表明：&lt;/b&gt;%1。</translation>
    </message>
    <message>
        <source>The class chose “%1”: right.</source>
        <translation>全班选择了“%1”：正确。</translation>
    </message>
    <message>
        <source>The class chose “%1”: not so — %2.</source>
        <translation>全班选择了“%1”：不对 — %2。</translation>
    </message>
    <message>
        <source>The lesson is over. Continue lets the class play on freely; Back goes over it again.</source>
        <translation>课程结束。“自由继续”让全班接着玩；“上一句”可以再看一遍。</translation>
    </message>
    <message>
        <source>Continue (do it for us)</source>
        <translation>继续（替我们完成）</translation>
    </message>
    <message>
        <source>Continue freely</source>
        <translation>自由继续</translation>
    </message>
</context>
<context>
    <name>LiveActions</name>
    <message>
        <source>%1 runs elsewhere: only servers launched from this window can be killed, restarted or paused</source>
        <translation>%1 运行在别处：只有从本窗口启动的服务器才能被杀死、重启或暂停</translation>
    </message>
    <message>
        <source>%1 cannot be reached: its control channel is not connected</source>
        <translation>无法联系 %1：它的控制通道没有连接</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 没有在运行</translation>
    </message>
    <message>
        <source>%1 killed with kill -9 (process %2): only its data folder is left</source>
        <translation>%1 已被 kill -9 杀死（进程 %2）：只剩下它的数据文件夹</translation>
    </message>
    <message>
        <source>%1 could not be started again</source>
        <translation>%1 无法重新启动</translation>
    </message>
    <message>
        <source>%1 started again on its data folder (process %2)</source>
        <translation>%1 已在它的数据文件夹上重新启动（进程 %2）</translation>
    </message>
    <message>
        <source>%1 cannot be paused now</source>
        <translation>%1 现在无法暂停</translation>
    </message>
    <message>
        <source>%1 frozen with SIGSTOP</source>
        <translation>%1 已用 SIGSTOP 冻结</translation>
    </message>
    <message>
        <source>%1 is not paused</source>
        <translation>%1 没有暂停</translation>
    </message>
    <message>
        <source>%1 resumed with SIGCONT</source>
        <translation>%1 已用 SIGCONT 恢复</translation>
    </message>
    <message>
        <source>%1 told to start an election now</source>
        <translation>已让 %1 立即发起选举</translation>
    </message>
    <message>
        <source>%1 drops all traffic to and from its peers</source>
        <translation>%1 丢弃与所有其他节点之间的全部流量</translation>
    </message>
    <message>
        <source>%1 reconnected: every link to and from it is open</source>
        <translation>%1 已重新连接：它的所有链路都已打开</translation>
    </message>
    <message>
        <source>Link %1 → %2 open again</source>
        <translation>链路 %1 → %2 已重新打开</translation>
    </message>
    <message>
        <source>Link %1 → %2 cut: %1 drops what it sends to %2</source>
        <translation>链路 %1 → %2 已切断：%1 丢弃发往 %2 的消息</translation>
    </message>
    <message>
        <source>Partition: %1 (each server drops traffic across the wall)</source>
        <translation>网络分区：%1（每个服务器丢弃穿过分区墙的流量）</translation>
    </message>
    <message>
        <source>Healed: every server takes all traffic again</source>
        <translation>网络已恢复：每个服务器重新接收全部流量</translation>
    </message>
    <message>
        <source>Write a request as: set KEY VALUE, del KEY or get KEY</source>
        <translation>请求的写法：set 键 值、del 键 或 get 键</translation>
    </message>
    <message>
        <source>%1 %2 to %3: no answer (%4)</source>
        <translation>%1 %2 发往 %3：没有应答（%4）</translation>
    </message>
    <message>
        <source>index %1, term %2</source>
        <translation>索引 %1，任期 %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3: HTTP %4, %5</source>
        <translation>%1 %2 → %3：HTTP %4，%5</translation>
    </message>
</context>
<context>
    <name>LiveClusterDialog</name>
    <message>
        <source>Live Cluster</source>
        <translation>真实集群</translation>
    </message>
    <message>
        <source>Run the same Raft servers as real processes that talk over TCP, keep their state on disk and answer HTTP. The window watches them: crash is kill -9, pause is SIGSTOP, a cut link is a server dropping its traffic.</source>
        <translation>把同样的 Raft 服务器作为真实进程运行：它们通过 TCP 通信，把状态保存在磁盘上，并应答 HTTP 请求。窗口观察它们：崩溃就是 kill -9，暂停就是 SIGSTOP，切断链路就是服务器丢弃它的流量。</translation>
    </message>
    <message>
        <source>&amp;Launch servers here</source>
        <translation>在本机启动服务器(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Attach to running servers</source>
        <translation>连接到正在运行的服务器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Replay a recording</source>
        <translation>回放一段录制(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>服务器数(&amp;S)：</translation>
    </message>
    <message>
        <source>a temporary folder, removed when the window closes</source>
        <translation>一个临时文件夹，窗口关闭时删除</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;fsync every write (slower; survives a power cut)</source>
        <translation>每次写入都 fsync（较慢；断电也不丢失）(&amp;F)</translation>
    </message>
    <message>
        <source>One server per line, S1 first: HOST HTTP-PORT WATCH-PORT</source>
        <translation>每行一个服务器，从 S1 开始：主机 HTTP端口 观察端口</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>录制：</translation>
    </message>
    <message>
        <source>Classroom pace: heartbeat 300 ms, election timeout 1–2 s</source>
        <translation>课堂节奏：心跳 300 毫秒，选举超时 1–2 秒</translation>
    </message>
    <message>
        <source>Real pace: heartbeat 50 ms, election timeout 150–300 ms</source>
        <translation>真实节奏：心跳 50 毫秒，选举超时 150–300 毫秒</translation>
    </message>
    <message>
        <source>&amp;Pace:</source>
        <translation>节奏(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Data folder for the servers</source>
        <translation>服务器的数据文件夹</translation>
    </message>
    <message>
        <source>Replay a live recording</source>
        <translation>回放真实集群的录制</translation>
    </message>
    <message>
        <source>Live recordings (*.rvlive);;All files (*)</source>
        <translation>真实集群录制（*.rvlive）;;所有文件（*）</translation>
    </message>
    <message>
        <source>line %1: write HOST HTTP-PORT WATCH-PORT, e.g. 127.0.0.1 7201 7301</source>
        <translation>第 %1 行：请写 主机 HTTP端口 观察端口，例如 127.0.0.1 7201 7301</translation>
    </message>
    <message>
        <source>name between 1 and %1 servers, one per line</source>
        <translation>请列出 1 到 %1 个服务器，每行一个</translation>
    </message>
    <message>
        <source>Choose a recording file (*.rvlive) to replay</source>
        <translation>请选择要回放的录制文件（*.rvlive）</translation>
    </message>
</context>
<context>
    <name>LiveWindow</name>
    <message>
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Replay of a live cluster — %1</source>
        <translation>真实集群的回放 — %1</translation>
    </message>
    <message numerus="yes">
        <source>Live cluster of %n server(s) — raftviz</source>
        <translation>
            <numerusform>%n 个服务器的真实集群 — raftviz</numerusform>
        </translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Live cluster</source>
        <translation>真实集群</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>A live cluster cannot step back: its servers are real processes and their past is gone. Save the recording, then replay it (Cluster › Live Cluster… › Replay) to watch it again.</source>
        <translation>真实集群无法后退一步：它的服务器是真实的进程，过去已经无法重现。请保存录制，再回放它（集群 › 真实集群… › 回放）以重新观看。</translation>
    </message>
    <message>
        <source>Client request: </source>
        <translation>客户端请求：</translation>
    </message>
    <message>
        <source>set x 1 · del x · get x</source>
        <translation>set x 1 · del x · get x</translation>
    </message>
    <message>
        <source>Send over &amp;HTTP</source>
        <translation>通过 HTTP 发送(&amp;H)</translation>
    </message>
    <message>
        <source>Send the request to the leader&apos;s HTTP port (PUT, DELETE or GET /kv/KEY)</source>
        <translation>把请求发送到领导者的 HTTP 端口（PUT、DELETE 或 GET /kv/KEY）</translation>
    </message>
    <message>
        <source>&amp;Heal</source>
        <translation>恢复网络(&amp;H)</translation>
    </message>
    <message>
        <source>Tell every server to take all traffic again</source>
        <translation>让每个服务器重新接收全部流量</translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation>保存录制(&amp;S)…</translation>
    </message>
    <message>
        <source>Save everything the servers reported, to replay it later</source>
        <translation>保存服务器报告的全部内容，以便之后回放</translation>
    </message>
    <message>
        <source>Save the live recording</source>
        <translation>保存真实集群的录制</translation>
    </message>
    <message>
        <source>Live recordings (*.rvlive)</source>
        <translation>真实集群录制（*.rvlive）</translation>
    </message>
    <message>
        <source>Recording saved to %1</source>
        <translation>录制已保存到 %1</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Start &amp;Over</source>
        <translation>从头开始(&amp;O)</translation>
    </message>
    <message>
        <source>Drag to go to a moment of the recording</source>
        <translation>拖动以跳到录制中的某一时刻</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Leader %1 in term %2</source>
        <translation>领导者 %1，任期 %2</translation>
    </message>
    <message>
        <source>No leader</source>
        <translation>没有领导者</translation>
    </message>
    <message numerus="yes">
        <source>%n server process(es) on this machine</source>
        <translation>
            <numerusform>本机上的 %n 个服务器进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) run elsewhere</source>
        <translation>
            <numerusform>%n 个服务器运行在别处</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 秒 / 共 %2 秒</translation>
    </message>
    <message>
        <source>Open link %1 → %2</source>
        <translation>打开链路 %1 → %2</translation>
    </message>
    <message>
        <source>Cut link %1 → %2</source>
        <translation>切断链路 %1 → %2</translation>
    </message>
    <message>
        <source>&amp;Heal the network</source>
        <translation>恢复网络(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Crash %1 (kill -9)</source>
        <translation>崩溃 %1（kill -9）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restart %1 on its data folder</source>
        <translation>在数据文件夹上重启 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause %1 (SIGSTOP)</source>
        <translation>暂停 %1（SIGSTOP）(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume %1 (SIGCONT)</source>
        <translation>恢复 %1（SIGCONT）(&amp;U)</translation>
    </message>
    <message>
        <source>Start an &amp;election now</source>
        <translation>立即发起选举(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Isolate %1</source>
        <translation>隔离 %1(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;connect %1</source>
        <translation>重新连接 %1(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Live Cluster</source>
        <translation>真实集群</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no leader right now: the client must wait and retry.</source>
        <translation>现在没有领导者：客户端必须等待并重试。</translation>
    </message>
    <message>
        <source>A client sent the next request to the leader.</source>
        <translation>一个客户端向领导者发送了下一条请求。</translation>
    </message>
    <message>
        <source>raftviz — the Raft classroom</source>
        <translation>raftviz — Raft 课堂</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>Sce&amp;narios</source>
        <translation>场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Run a scenario script from a file</source>
        <translation>运行文件中的场景脚本</translation>
    </message>
    <message>
        <source>Save &amp;Picture…</source>
        <translation>保存图片(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a picture of the window as a PNG file</source>
        <translation>把窗口保存为 PNG 图片</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close raftviz</source>
        <translation>关闭 raftviz</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Start or stop the clock of the simulated world</source>
        <translation>启动或停止模拟世界的时钟</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the clock and process exactly one event: a delivery, a loss or a timer</source>
        <translation>停止时钟，只处理一个事件：一次投递、一次丢失或一个计时器</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <source>Run the simulated world faster</source>
        <translation>让模拟世界运行得更快</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>减慢(&amp;L)</translation>
    </message>
    <message>
        <source>Run the simulated world slower</source>
        <translation>让模拟世界运行得更慢</translation>
    </message>
    <message>
        <source>Start &amp;Over</source>
        <translation>从头开始(&amp;O)</translation>
    </message>
    <message>
        <source>Rebuild the cluster (or the scenario) from time zero</source>
        <translation>从时间零点重建集群（或场景）</translation>
    </message>
    <message>
        <source>&amp;Automatic Client Requests</source>
        <translation>自动客户端请求(&amp;A)</translation>
    </message>
    <message>
        <source>A client sends a request to the leader every 100 ms of simulated time</source>
        <translation>客户端每隔 100 毫秒模拟时间向领导者发送一条请求</translation>
    </message>
    <message>
        <source>&amp;Client Request</source>
        <translation>客户端请求(&amp;C)</translation>
    </message>
    <message>
        <source>A client sends the next request to the leader</source>
        <translation>客户端向领导者发送下一条请求</translation>
    </message>
    <message>
        <source>C&amp;rash the Leader</source>
        <translation>让领导者崩溃(&amp;R)</translation>
    </message>
    <message>
        <source>Crash the current leader and watch a new one get elected</source>
        <translation>让当前领导者崩溃，观察新领导者如何选出</translation>
    </message>
    <message>
        <source>Provoke a Split &amp;Vote</source>
        <translation>制造选票瓜分(&amp;V)</translation>
    </message>
    <message>
        <source>Make several followers time out at the same instant so that no candidate gets a majority</source>
        <translation>让几个跟随者在同一时刻超时，使任何候选人都得不到多数票</translation>
    </message>
    <message>
        <source>Spread &amp;Timers</source>
        <translation>错开计时器(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart All</source>
        <translation>全部重启(&amp;R)</translation>
    </message>
    <message>
        <source>Restart every crashed server and resume every paused one</source>
        <translation>重启所有崩溃的服务器，恢复所有暂停的服务器</translation>
    </message>
    <message>
        <source>&amp;Heal Network</source>
        <translation>恢复网络(&amp;H)</translation>
    </message>
    <message>
        <source>Remove every partition and cut link</source>
        <translation>移除所有网络分区和切断的链路</translation>
    </message>
    <message>
        <source>&amp;New Cluster…</source>
        <translation>新建集群(&amp;N)…</translation>
    </message>
    <message>
        <source>Build a fresh cluster: servers, seed, timeouts, latency, loss and duplication</source>
        <translation>新建集群：服务器数量、种子、超时、延迟、丢失和重复</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the legend that explains every colour, shape and mark</source>
        <translation>显示或隐藏解释每种颜色、形状和标记的图例</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Enlarge the cluster picture</source>
        <translation>放大集群图</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Shrink the cluster picture</source>
        <translation>缩小集群图</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole cluster at the window&apos;s size</source>
        <translation>按窗口大小显示整个集群</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every pane back in its place</source>
        <translation>把每个面板放回原位</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every command and its keys</source>
        <translation>列出每个命令及其按键</translation>
    </message>
    <message>
        <source>&amp;About raftviz</source>
        <translation>关于 raftviz(&amp;A)</translation>
    </message>
    <message>
        <source>What raftviz is, and where it comes from</source>
        <translation>raftviz 是什么，从何而来</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>用英文显示界面</translation>
    </message>
    <message>
        <source>Show the interface in Simplified Chinese</source>
        <translation>用简体中文显示界面</translation>
    </message>
    <message>
        <source>Play the scenario “%1”</source>
        <translation>播放场景“%1”</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Show or hide every server&apos;s log</source>
        <translation>显示或隐藏每台服务器的日志</translation>
    </message>
    <message>
        <source>Show or hide the fields of the selected server or message</source>
        <translation>显示或隐藏选中的服务器或消息的字段</translation>
    </message>
    <message>
        <source>Show or hide what happened, and why</source>
        <translation>显示或隐藏发生了什么以及原因</translation>
    </message>
    <message>
        <source>Show or hide the toolbar</source>
        <translation>显示或隐藏工具栏</translation>
    </message>
    <message>
        <source>The translation for %1 is missing.</source>
        <translation>缺少 %1 的翻译。</translation>
    </message>
    <message>
        <source>About raftviz</source>
        <translation>关于 raftviz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;raftviz %1&lt;/h3&gt;&lt;p&gt;A classroom for the Raft consensus algorithm: watch servers elect a leader, replicate a log and survive crashes and partitions, one event at a time.&lt;/p&gt;&lt;p&gt;Everything it shows follows the extended Raft paper (Ongaro and Ousterhout, “In Search of an Understandable Consensus Algorithm”, Figure 2) and is checked after every event against the paper&apos;s safety properties.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;raftviz %1&lt;/h3&gt;&lt;p&gt;Raft 共识算法的课堂：观看服务器选举领导者、复制日志、从崩溃和网络分区中恢复，一次一个事件。&lt;/p&gt;&lt;p&gt;它展示的一切都遵循 Raft 扩展论文（Ongaro 和 Ousterhout，《In Search of an Understandable Consensus Algorithm》，图 2），并在每个事件之后按论文中的安全性质进行检查。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Save Picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenario scripts (*.scenario *.txt);;All files (*)</source>
        <translation>场景脚本 (*.scenario *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot Run the Scenario</source>
        <translation>无法运行场景</translation>
    </message>
    <message>
        <source>The scenario “%1” has errors, so nothing was changed.</source>
        <translation>场景“%1”有错误，因此没有做任何更改。</translation>
    </message>
    <message>
        <source>Spread the followers&apos; election timers evenly over the timeout range, so that one clearly fires first</source>
        <translation>把跟随者的选举计时器均匀分布在超时范围内，使其中一个明显最先到期</translation>
    </message>
    <message>
        <source>Select a server first: click it in the cluster view.</source>
        <translation>请先选择一台服务器：在集群视图中点击它。</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Stop the clock and undo exactly one event</source>
        <translation>停止时钟，撤销恰好一个事件</translation>
    </message>
    <message>
        <source>Run to &amp;Next</source>
        <translation>运行到下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Election Won</source>
        <translation>赢得选举(&amp;E)</translation>
    </message>
    <message>
        <source>Play until a candidate wins an election, then stop</source>
        <translation>运行到某个候选人赢得选举，然后停下</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <source>Play until a leader commits an entry, then stop</source>
        <translation>运行到领导者提交一个日志条目，然后停下</translation>
    </message>
    <message>
        <source>&amp;Term Change</source>
        <translation>任期变化(&amp;T)</translation>
    </message>
    <message>
        <source>Play until a server&apos;s term rises, then stop</source>
        <translation>运行到某台服务器的任期增加，然后停下</translation>
    </message>
    <message>
        <source>Event at the &amp;Selected Server</source>
        <translation>选中服务器上的事件(&amp;S)</translation>
    </message>
    <message>
        <source>Play until something happens at the selected server, then stop</source>
        <translation>运行到选中的服务器上发生事件，然后停下</translation>
    </message>
    <message>
        <source>&amp;Hold Messages (Deliver by Hand)</source>
        <translation>扣留消息（手动投递）(&amp;H)</translation>
    </message>
    <message>
        <source>Every new message waits at its receiver&apos;s door until you deliver it (right-click it)</source>
        <translation>每条新消息都在接收者门口等待，直到你投递它（右键点击消息）</translation>
    </message>
    <message>
        <source>&amp;Deliver All Waiting</source>
        <translation>投递所有等待的消息(&amp;D)</translation>
    </message>
    <message>
        <source>Deliver every held message, oldest first</source>
        <translation>投递所有被扣留的消息，最早的先投递</translation>
    </message>
    <message>
        <source>&amp;Save Run…</source>
        <translation>保存运行(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the cluster, every action and your notes to a file</source>
        <translation>把集群、每个操作和你的笔记保存到文件</translation>
    </message>
    <message>
        <source>Open &amp;Run…</source>
        <translation>打开运行(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a saved run and replay it to where it was saved</source>
        <translation>打开保存的运行，并重放到保存时的位置</translation>
    </message>
    <message>
        <source>Run &amp;Notes…</source>
        <translation>运行笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>Edit the notes saved with the run</source>
        <translation>编辑随运行一起保存的笔记</translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation>导出追踪(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the events up to now as JSON lines</source>
        <translation>把到目前为止的事件保存为 JSON 行</translation>
    </message>
    <message>
        <source>Export &amp;Log Table…</source>
        <translation>导出日志表(&amp;L)…</translation>
    </message>
    <message>
        <source>Save every server&apos;s log as a CSV table</source>
        <translation>把每台服务器的日志保存为 CSV 表格</translation>
    </message>
    <message>
        <source>Step forward (→) or back (←): each event is explained here.</source>
        <translation>单步前进（→）或后退（←）：每个事件都会在这里解释。</translation>
    </message>
    <message>
        <source>Start a New Branch?</source>
        <translation>开始新的分支？</translation>
    </message>
    <message>
        <source>Acting here starts a new branch and discards what happened after this moment. Continue?</source>
        <translation>在这里操作会开始一个新的分支，并丢弃此刻之后发生的一切。继续吗？</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>&amp;Partition: Selection vs the Rest</source>
        <translation>网络分区：选中的与其余的(&amp;P)</translation>
    </message>
    <message>
        <source>Put the selected servers on one side of a wall and the others on the other side (select with Ctrl-click or by dragging on empty space)</source>
        <translation>把选中的服务器放在墙的一侧，其余的放在另一侧（用 Ctrl+单击或在空白处拖动来选择）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Show or hide the network&apos;s conditions, its faults and the message statistics</source>
        <translation>显示或隐藏网络条件、网络故障和消息统计</translation>
    </message>
    <message>
        <source>First select the servers of one side: Ctrl-click them, or drag a box around them on empty space.</source>
        <translation>请先选中一侧的服务器：用 Ctrl+单击，或在空白处拖出一个框把它们框住。</translation>
    </message>
    <message>
        <source>&amp;Live Cluster…</source>
        <translation>真实集群(&amp;L)…</translation>
    </message>
    <message>
        <source>Launch real server processes on this machine, attach to running ones, or replay a recording, and watch them in a window of their own</source>
        <translation>在本机启动真实的服务器进程、连接到正在运行的服务器或回放一段录制，并在单独的窗口中观察它们</translation>
    </message>
    <message>
        <source>Set the size of the text in every pane (Ctrl + and Ctrl − zoom the cluster)</source>
        <translation>设置每个窗格中文字的大小（Ctrl + 和 Ctrl − 仍缩放集群图）</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen for a projector: the cluster and the lesson large, the log under them, everything else hidden (Esc leaves)</source>
        <translation>为投影仪全屏显示：集群和课程放大，日志在其下方，其余全部隐藏（按 Esc 退出）</translation>
    </message>
    <message>
        <source>Leave Presentation</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Back to the window with every pane</source>
        <translation>回到显示所有窗格的窗口</translation>
    </message>
    <message>
        <source>Text &amp;Size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Election Timing…</source>
        <translation>选举计时(&amp;E)…</translation>
    </message>
    <message>
        <source>Repeat the paper&apos;s election-timing experiment (§9.3) and split votes by cluster size, thousands of crashes on every core, and chart the results</source>
        <translation>重做论文的选举计时实验（§9.3）以及按集群规模的选票瓜分实验：在所有处理器核心上运行数千次崩溃，并画出结果</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>实验(&amp;X)</translation>
    </message>
    <message>
        <source>Space-Time</source>
        <translation>时空图</translation>
    </message>
    <message>
        <source>Show or hide the space-time diagram: every message as an arrow between the servers&apos; lanes</source>
        <translation>显示或隐藏时空图：每条消息都是服务器泳道之间的一支箭头</translation>
    </message>
    <message>
        <source>Export P&amp;icture…</source>
        <translation>导出图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the cluster, the log grid, the space-time diagram or the window as PNG or SVG, for slides</source>
        <translation>把集群、日志表格、时空图或整个窗口保存为 PNG 或 SVG，用于幻灯片</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>导出动画(&amp;A)…</translation>
    </message>
    <message>
        <source>Save a span of the run as an animated PNG, for slides and web pages</source>
        <translation>把运行中的一段时间保存为动画 PNG，用于幻灯片和网页</translation>
    </message>
    <message>
        <source>Cannot write %1: the span must end after it starts.</source>
        <translation>无法写入 %1：时间段的结束必须晚于开始。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2 frames are too many (at most %3).</source>
        <translation>无法写入 %1：%2 帧太多了（最多 %3 帧）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>SVG pictures (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Export Picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Animated PNG (*.png *.apng)</source>
        <translation>动画 PNG (*.png *.apng)</translation>
    </message>
    <message>
        <source>&amp;Add Server</source>
        <translation>添加服务器(&amp;A)</translation>
    </message>
    <message>
        <source>Ask the leader to add a server: a spare one, or a new machine; it catches up as a learner before it votes (§4.2.1)</source>
        <translation>请领导者加入一台服务器：备用的，或一台新机器；它先作为学习者追上日志，然后才投票（§4.2.1）</translation>
    </message>
</context>
<context>
    <name>NetworkSides</name>
    <message>
        <source>Quorum: %1 of %2</source>
        <translation>法定人数：%1/%2</translation>
    </message>
    <message>
        <source>No quorum: %1 of %2</source>
        <translation>没有法定人数：%1/%2</translation>
    </message>
    <message>
        <source>no leader yet</source>
        <translation>尚无领导者</translation>
    </message>
    <message>
        <source>cannot elect a leader or commit</source>
        <translation>无法选出领导者，也无法提交</translation>
    </message>
    <message>
        <source>%1 still acts as leader but cannot commit</source>
        <translation>%1 仍以领导者自居，但无法提交</translation>
    </message>
    <message>
        <source>%1 still act as leaders but cannot commit</source>
        <translation>%1 仍以领导者自居，但无法提交</translation>
    </message>
    <message>
        <source>leader %1</source>
        <translation>领导者 %1</translation>
    </message>
    <message>
        <source>No side has a quorum: no leader can be elected and nothing can be committed</source>
        <translation>没有任何一侧拥有法定人数：选不出领导者，也无法提交任何条目</translation>
    </message>
    <message>
        <source>No side has a leader</source>
        <translation>没有任何一侧有领导者</translation>
    </message>
    <message>
        <source>No working leader: the majority side has not elected one yet</source>
        <translation>没有正常工作的领导者：多数派一侧尚未选出领导者</translation>
    </message>
    <message>
        <source>Quorum: %1 (%2 of %3)</source>
        <translation>法定人数：%1（%2/%3）</translation>
    </message>
    <message>
        <source>No quorum: %1 (%2 of %3)</source>
        <translation>没有法定人数：%1（%2/%3）</translation>
    </message>
</context>
<context>
    <name>NewClusterDialog</name>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New Cluster</source>
        <translation>新建集群</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>A new leader appends a no-op entry (§8)</source>
        <translation>新领导者追加一条空操作（no-op）条目（§8）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Pick a new random seed</source>
        <translation>选择一个新的随机种子</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>服务器数(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Election timeout:</source>
        <translation>选举超时(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Heartbeat interval:</source>
        <translation>心跳间隔(&amp;H)：</translation>
    </message>
    <message>
        <source>Network &amp;latency:</source>
        <translation>网络延迟(&amp;L)：</translation>
    </message>
    <message>
        <source>Message l&amp;oss:</source>
        <translation>消息丢失率(&amp;O)：</translation>
    </message>
    <message>
        <source>Message &amp;duplication:</source>
        <translation>消息重复率(&amp;D)：</translation>
    </message>
    <message>
        <source>The same seed and the same actions always give the same run. Raft needs broadcastTime ≪ electionTimeout (§5.6): keep the heartbeat and the latency well below the election timeout.</source>
        <translation>相同的种子加上相同的操作，总是得到相同的运行过程。Raft 要求 broadcastTime ≪ electionTimeout（§5.6）：心跳间隔和网络延迟要远小于选举超时。</translation>
    </message>
    <message>
        <source>Enter a seed.</source>
        <translation>请输入种子。</translation>
    </message>
    <message>
        <source>The election timeout range is empty: the minimum is above the maximum.</source>
        <translation>选举超时范围为空：最小值大于最大值。</translation>
    </message>
    <message>
        <source>The latency range is empty: the minimum is above the maximum.</source>
        <translation>延迟范围为空：最小值大于最大值。</translation>
    </message>
    <message>
        <source>The heartbeat (%1 ms) must be shorter than the shortest election timeout (%2 ms), or followers time out while the leader is healthy (§5.6).</source>
        <translation>心跳间隔（%1 毫秒）必须短于最短的选举超时（%2 毫秒），否则领导者正常时跟随者也会超时（§5.6）。</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the picture for %1</source>
        <translation>无法为 %1 生成图片</translation>
    </message>
    <message>
        <source>There are no frames to write.</source>
        <translation>没有可写入的帧。</translation>
    </message>
    <message>
        <source>The frame rate must be from 1 to 100 frames a second.</source>
        <translation>帧率必须在每秒 1 到 100 帧之间。</translation>
    </message>
    <message>
        <source>Frame %1 has another size than the first.</source>
        <translation>第 %1 帧的尺寸与第一帧不同。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be made into a PNG.</source>
        <translation>第 %1 帧无法生成 PNG。</translation>
    </message>
    <message>
        <source>Frame %1 has another pixel format than the first.</source>
        <translation>第 %1 帧的像素格式与第一帧不同。</translation>
    </message>
</context>
<context>
    <name>RunFileCommands</name>
    <message>
        <source>Saved the run to %1</source>
        <translation>运行已保存到 %1</translation>
    </message>
    <message>
        <source>%1: not a saved run</source>
        <translation>%1：不是保存的运行</translation>
    </message>
    <message>
        <source>Opened the run %1</source>
        <translation>已打开运行 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot Open the Run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <source>The run “%1” cannot be replayed, so nothing was changed.</source>
        <translation>运行“%1”无法重放，因此没有做任何更改。</translation>
    </message>
    <message>
        <source>Save Run</source>
        <translation>保存运行</translation>
    </message>
    <message>
        <source>raftviz runs (*.raftrun)</source>
        <translation>raftviz 运行 (*.raftrun)</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>打开运行</translation>
    </message>
    <message>
        <source>raftviz runs (*.raftrun);;All files (*)</source>
        <translation>raftviz 运行 (*.raftrun);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Run Notes</source>
        <translation>运行笔记</translation>
    </message>
    <message>
        <source>What this run shows, for the next lecture…</source>
        <translation>这次运行展示了什么，留给下一堂课…</translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation>导出追踪</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行 (*.jsonl)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export Log Table</source>
        <translation>导出日志表</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>RunIo</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Right-click a server, a message or empty space for more commands; left-click one to inspect it; turn the mouse wheel to zoom.</source>
        <translation>右键单击服务器、消息或空白处可获得更多命令；左键单击即可检查它；滚动鼠标滚轮可以缩放。</translation>
    </message>
</context>
<context>
    <name>SimulationController</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>1/%1×</source>
        <translation>1/%1×</translation>
    </message>
    <message>
        <source>Nothing is scheduled: no message is in flight and no timer runs.</source>
        <translation>没有待处理的事件：没有在途的消息，也没有运行中的计时器。</translation>
    </message>
    <message>
        <source>line %1: %2 — %3</source>
        <translation>第 %1 行：%2 — %3</translation>
    </message>
    <message>
        <source>Scenario line %1 (%2): %3</source>
        <translation>场景第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Playing scenario “%1”.</source>
        <translation>正在播放场景“%1”。</translation>
    </message>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1 crashed. Its term, vote and log survive on stable storage.</source>
        <translation>%1 崩溃了。它的任期、投票和日志保存在稳定存储中。</translation>
    </message>
    <message>
        <source>%1 is already down.</source>
        <translation>%1 已经宕机了。</translation>
    </message>
    <message>
        <source>%1 restarted from stable storage as a follower.</source>
        <translation>%1 从稳定存储以跟随者身份重启。</translation>
    </message>
    <message>
        <source>%1 is not crashed.</source>
        <translation>%1 没有崩溃。</translation>
    </message>
    <message>
        <source>%1 is paused: its timers stop and its messages wait at the door.</source>
        <translation>%1 已暂停：它的计时器停止，发给它的消息在门口等待。</translation>
    </message>
    <message>
        <source>%1 cannot be paused now.</source>
        <translation>%1 现在无法暂停。</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 已恢复。</translation>
    </message>
    <message>
        <source>%1 is not paused.</source>
        <translation>%1 没有暂停。</translation>
    </message>
    <message>
        <source>%1 timed out and starts an election.</source>
        <translation>%1 超时并发起选举。</translation>
    </message>
    <message>
        <source>%1 cannot start an election now (it must be up and not the leader).</source>
        <translation>%1 现在无法发起选举（它必须在运行中且不是领导者）。</translation>
    </message>
    <message>
        <source>%1 is down: the client gets no answer.</source>
        <translation>%1 已宕机：客户端得不到答复。</translation>
    </message>
    <message>
        <source>%1 appended “%2” at index %3 in term %4.</source>
        <translation>%1 在任期 %4 把“%2”追加到索引 %3。</translation>
    </message>
    <message>
        <source>%1 is not the leader and refused “%2”; it points the client to %3.</source>
        <translation>%1 不是领导者，拒绝了“%2”；它让客户端去找 %3。</translation>
    </message>
    <message>
        <source>%1 is not the leader and knows no leader: “%2” was refused.</source>
        <translation>%1 不是领导者，也不知道谁是领导者：“%2”被拒绝。</translation>
    </message>
    <message>
        <source>There is no leader right now: the client must wait and retry.</source>
        <translation>现在没有领导者：客户端必须等待并重试。</translation>
    </message>
    <message>
        <source>There is no leader to crash.</source>
        <translation>没有可以让其崩溃的领导者。</translation>
    </message>
    <message>
        <source>%1 is cut off from every other server.</source>
        <translation>%1 与其他所有服务器断开了。</translation>
    </message>
    <message>
        <source>%1&apos;s links are restored.</source>
        <translation>%1 的链路已恢复。</translation>
    </message>
    <message>
        <source>%1 has no cut link.</source>
        <translation>%1 没有被切断的链路。</translation>
    </message>
    <message>
        <source>The network is healed: every partition and cut is gone.</source>
        <translation>网络已恢复：所有网络分区和切断的链路都已消失。</translation>
    </message>
    <message>
        <source>The network has no fault to heal.</source>
        <translation>网络没有需要恢复的故障。</translation>
    </message>
    <message>
        <source>Message #%1 dropped.</source>
        <translation>消息 #%1 已丢弃。</translation>
    </message>
    <message>
        <source>Message #%1 is no longer in flight.</source>
        <translation>消息 #%1 已不在途中。</translation>
    </message>
    <message>
        <source>Message #%1 duplicated: the network sends a second copy.</source>
        <translation>消息 #%1 已复制：网络发送了第二份副本。</translation>
    </message>
    <message>
        <source>A client now sends the leader a request every %1 ms of simulated time.</source>
        <translation>现在客户端每隔 %1 毫秒模拟时间向领导者发送一条请求。</translation>
    </message>
    <message>
        <source>The automatic client stopped sending requests.</source>
        <translation>自动客户端已停止发送请求。</translation>
    </message>
    <message>
        <source>Cannot build that cluster: %1</source>
        <translation>无法建立这样的集群：%1</translation>
    </message>
    <message>
        <source>Scenario “%1” starts over.</source>
        <translation>场景“%1”从头开始。</translation>
    </message>
    <message>
        <source>The cluster starts over from time zero.</source>
        <translation>集群从时间零点重新开始。</translation>
    </message>
    <message>
        <source>Every server is already up.</source>
        <translation>所有服务器都已在运行。</translation>
    </message>
    <message>
        <source>Safety violated: %1</source>
        <translation>安全性被破坏：%1</translation>
    </message>
    <message>
        <source>New cluster: %1 servers, seed %2.</source>
        <translation>新集群：%1 台服务器，种子 %2。</translation>
    </message>
    <message>
        <source>Servers restarted or resumed: %1.</source>
        <translation>已重启或恢复的服务器：%1 台。</translation>
    </message>
    <message>
        <source>A split vote needs at least %1 running followers and a running majority.</source>
        <translation>选票瓜分至少需要 %1 个运行中的跟随者，并且运行中的服务器要占多数。</translation>
    </message>
    <message>
        <source>%1 time out at the same instant: each votes for itself, and no one can reach %2 votes — a split vote. Watch new random timeouts settle it.</source>
        <translation>%1 在同一时刻超时：每个都投自己一票，没有人能得到 %2 票——选票瓜分。观察新的随机超时如何化解它。</translation>
    </message>
    <message>
        <source>The election timers of %1 now fire together at %2: each will vote for itself, and no one can reach %3 votes — a split vote.</source>
        <translation>%1 的选举计时器将在 %2 同时到期：每个都会投自己一票，没有人能得到 %3 票——选票瓜分。</translation>
    </message>
    <message>
        <source>No running follower has an election timer to spread.</source>
        <translation>没有运行中的跟随者有可以错开的选举计时器。</translation>
    </message>
    <message>
        <source>The followers&apos; election timers are spread over %1–%2 ms from now.</source>
        <translation>跟随者的选举计时器已错开，分布在从现在起 %1–%2 毫秒之间。</translation>
    </message>
    <message>
        <source> (and %1 more in the Events pane)</source>
        <translation>（另有 %1 个事件，见“事件”面板）</translation>
    </message>
    <message>
        <source>Nothing changed: the recorded future is kept.</source>
        <translation>没有任何更改：已记录的未来被保留。</translation>
    </message>
    <message>
        <source>This is the start of the run: there is no earlier step.</source>
        <translation>这是运行的开始：没有更早的一步。</translation>
    </message>
    <message>
        <source>Nothing of the kind happened within %1 s of virtual time.</source>
        <translation>在 %1 秒虚拟时间内没有发生这类事件。</translation>
    </message>
    <message>
        <source>Messages are held: each new one waits at its destination&apos;s door until you deliver it.</source>
        <translation>消息被扣留：每条新消息都在目的地门口等待，直到你投递它。</translation>
    </message>
    <message>
        <source>Messages fly on their own again; the ones already held still wait for you.</source>
        <translation>消息重新自行传递；已被扣留的消息仍在等你投递。</translation>
    </message>
    <message>
        <source>Message #%1 delivered.</source>
        <translation>消息 #%1 已投递。</translation>
    </message>
    <message>
        <source>No message is waiting to be delivered.</source>
        <translation>没有等待投递的消息。</translation>
    </message>
    <message numerus="yes">
        <source>Delivered %n waiting message(s).</source>
        <translation>
            <numerusform>已投递 %n 条等待的消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>No partition: every server is on one side again.</source>
        <translation>没有网络分区了：所有服务器又在同一侧。</translation>
    </message>
    <message>
        <source>Partition: %1. Messages across a wall are lost.</source>
        <translation>网络分区：%1。穿墙的消息会丢失。</translation>
    </message>
    <message>
        <source>The link %1 ↔ %2 is cut both ways.</source>
        <translation>链路 %1 ↔ %2 被双向切断。</translation>
    </message>
    <message>
        <source>The link %1 → %2 is cut: messages that way are lost, the other way still works.</source>
        <translation>链路 %1 → %2 被切断：这个方向的消息丢失，另一个方向仍然可用。</translation>
    </message>
    <message>
        <source>The link %1 → %2 is not cut.</source>
        <translation>链路 %1 → %2 没有被切断。</translation>
    </message>
    <message>
        <source>The link %1 ↔ %2 is open again.</source>
        <translation>链路 %1 ↔ %2 重新接通。</translation>
    </message>
    <message>
        <source>The link %1 → %2 is open again.</source>
        <translation>链路 %1 → %2 重新接通。</translation>
    </message>
    <message>
        <source>Every link now: latency %1–%2 ms, loss %3 %, duplication %4 %.</source>
        <translation>现在所有链路：延迟 %1–%2 毫秒，丢包 %3 %，重复 %4 %。</translation>
    </message>
    <message>
        <source>Those network conditions are not possible (latency needs 1 ≤ min ≤ max).</source>
        <translation>这样的网络条件不成立（延迟需要满足 1 ≤ 最小值 ≤ 最大值）。</translation>
    </message>
    <message>
        <source>Those link conditions are not possible (latency needs 1 ≤ min ≤ max).</source>
        <translation>这样的链路条件不成立（延迟需要满足 1 ≤ 最小值 ≤ 最大值）。</translation>
    </message>
    <message>
        <source>The link %1 → %2 has its own conditions: latency %3–%4 ms, loss %5 %, duplication %6 %.</source>
        <translation>链路 %1 → %2 有了独立的条件：延迟 %3–%4 毫秒，丢包 %5 %，重复 %6 %。</translation>
    </message>
    <message>
        <source>The link %1 → %2 has the network&apos;s conditions again.</source>
        <translation>链路 %1 → %2 重新采用整个网络的条件。</translation>
    </message>
    <message>
        <source>Cannot hand leadership to %1: %2.</source>
        <translation>无法把领导权移交给 %1：%2。</translation>
    </message>
    <message>
        <source>The leader hands leadership over to %1 (§3.10).</source>
        <translation>领导者把领导权移交给 %1（§3.10）。</translation>
    </message>
    <message>
        <source>Pick an answer first.</source>
        <translation>请先选择一个答案。</translation>
    </message>
    <message>
        <source>%1 took a snapshot up to index %2 and discarded the log before it (§7).</source>
        <translation>%1 做了到索引 %2 的快照，并丢弃了之前的日志（§7）。</translation>
    </message>
    <message>
        <source>%1 answered: %2 = %3</source>
        <translation>%1 回答：%2 = %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 took the read of %2; the answer follows once it is confirmed (§6.4).</source>
        <translation>%1 受理了对 %2 的读；确认之后就会回答（§6.4）。</translation>
    </message>
    <message>
        <source>%1 did not take the read of %2: %3</source>
        <translation>%1 没有受理对 %2 的读：%3</translation>
    </message>
    <message>
        <source>The leader appends the configuration without %1; %1 leaves once it is committed (§4.2.2).</source>
        <translation>领导者追加不含 %1 的配置；该配置提交后 %1 离开（§4.2.2）。</translation>
    </message>
    <message>
        <source>The leader catches %1 up as a learner; then it appends the configuration with %1 (§4.2.1).</source>
        <translation>领导者让 %1 作为学习者追上日志；然后追加包含 %1 的配置（§4.2.1）。</translation>
    </message>
</context>
<context>
    <name>SpeedControls</name>
    <message>
        <source>Speed of the simulated world: 1/1000× to 10× real time</source>
        <translation>模拟世界的速度：实时的 1/1000× 到 10×</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Leader %1 · term %2</source>
        <translation>领导者 %1 · 任期 %2</translation>
    </message>
    <message>
        <source>No leader · highest term %1</source>
        <translation>没有领导者 · 最高任期 %1</translation>
    </message>
    <message>
        <source>Speed %1</source>
        <translation>速度 %1</translation>
    </message>
    <message>
        <source>Paused · speed %1</source>
        <translation>已暂停 · 速度 %1</translation>
    </message>
</context>
<context>
    <name>ViolationBanner</name>
    <message>
        <source>⚠ Safety violated at %1 (event %2): %3 (%4)</source>
        <translation>⚠ 安全性在 %1（事件 %2）被破坏：%3（%4）</translation>
    </message>
    <message>
        <source> — and %1 more</source>
        <translation> — 另外还有 %1 处</translation>
    </message>
    <message>
        <source>Teaching run: a rule of Raft is switched off in every server: %1. Real Raft never does this.</source>
        <translation>教学运行：每台服务器都关闭了 Raft 的一条规则：%1。真正的 Raft 绝不会这样做。</translation>
    </message>
</context>
<context>
    <name>live::LiveCluster</name>
    <message>
        <source>a cluster is already running</source>
        <translation>已经有一个集群在运行</translation>
    </message>
    <message>
        <source>a cluster has 1 to 9 servers</source>
        <translation>集群有 1 到 9 个服务器</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>cannot find %1 free ports on 127.0.0.1</source>
        <translation>在 127.0.0.1 上找不到 %1 个空闲端口</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>widgets::ClusterView</name>
    <message>
        <source>Hold: messages wait for manual delivery</source>
        <translation>扣留模式：消息等待手动投递</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>没有集群</translation>
    </message>
    <message>
        <source>%1 of %2 votes</source>
        <translation>%1 / %2 票</translation>
    </message>
    <message>
        <source>term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 已崩溃</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 已暂停</translation>
    </message>
    <message>
        <source>log %1 on disk</source>
        <translation>磁盘上的日志 %1</translation>
    </message>
    <message>
        <source>log %1 · commit %2</source>
        <translation>日志 %1 · 提交 %2</translation>
    </message>
    <message>
        <source>%1 #%2: %3 → %4, term %5</source>
        <translation>%1 #%2：%3 → %4，任期 %5</translation>
    </message>
    <message>
        <source>last log index %1, last log term %2</source>
        <translation>最后日志索引 %1，最后日志任期 %2</translation>
    </message>
    <message>
        <source>vote granted</source>
        <translation>同意投票</translation>
    </message>
    <message>
        <source>vote refused</source>
        <translation>拒绝投票</translation>
    </message>
    <message>
        <source>heartbeat (no entries)</source>
        <translation>心跳（无条目）</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>prevLogIndex %1, prevLogTerm %2, leaderCommit %3</source>
        <translation>prevLogIndex %1，prevLogTerm %2，leaderCommit %3</translation>
    </message>
    <message>
        <source>success, matchIndex %1</source>
        <translation>成功，matchIndex %1</translation>
    </message>
    <message>
        <source>failure at prevLogIndex %1</source>
        <translation>在 prevLogIndex %1 处失败</translation>
    </message>
    <message>
        <source>waiting at the door</source>
        <translation>在门口等待</translation>
    </message>
    <message>
        <source>will be lost</source>
        <translation>将会丢失</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>跟随者</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领导者</translation>
    </message>
    <message>
        <source>%1, paused</source>
        <translation>%1，已暂停</translation>
    </message>
    <message>
        <source>%1: %2, term %3
log %4, commitIndex %5</source>
        <translation>%1：%2，任期 %3
日志 %4，commitIndex %5</translation>
    </message>
    <message>
        <source>loss %1%</source>
        <translation>丢失 %1%</translation>
    </message>
    <message>
        <source>dup %1%</source>
        <translation>重复 %1%</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1–%2 ms</source>
        <translation>%1–%2 毫秒</translation>
    </message>
    <message>
        <source>own conditions</source>
        <translation>独立的链路条件</translation>
    </message>
    <message>
        <source>Selected: %1 · right-click for “Partition: selection vs the rest”</source>
        <translation>已选中：%1 · 右键单击可选择“网络分区：选中的与其余的”</translation>
    </message>
    <message>
        <source>Drop: %1 gets a side of its own</source>
        <translation>放下：%1 自成一侧</translation>
    </message>
    <message>
        <source>Drop: %1 joins %2</source>
        <translation>放下：%1 加入 %2</translation>
    </message>
    <message>
        <source>%1 stays on its side</source>
        <translation>%1 留在原来的一侧</translation>
    </message>
    <message>
        <source>Drop %1 outside the circle to cut it off from the rest</source>
        <translation>把 %1 拖到圆圈外放下，即可把它与其余服务器隔开</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: blocked by the partition wall</source>
        <translation>%1：被网络分区的墙挡住</translation>
    </message>
    <message>
        <source>%1: cut, messages this way are lost</source>
        <translation>%1：已切断，沿此方向的消息会丢失</translation>
    </message>
    <message>
        <source>latency %1–%2 ms, loss %3%, duplication %4%</source>
        <translation>延迟 %1–%2 毫秒，丢失 %3%，重复 %4%</translation>
    </message>
    <message>
        <source>%1: open, its own conditions: %2</source>
        <translation>%1：畅通，独立的链路条件：%2</translation>
    </message>
    <message>
        <source>%1: open (%2)</source>
        <translation>%1：畅通（%2）</translation>
    </message>
    <message>
        <source>Click: cut or restore %1 → %2 (the lane nearer the pointer)
Right-click: cut, restore, link conditions…</source>
        <translation>单击：切断或恢复 %1 → %2（离指针较近的通道）
右键单击：切断、恢复、链路条件…</translation>
    </message>
    <message>
        <source>Drag to select servers (Ctrl-click adds or removes one)
Pan: middle button, or hold Shift and drag
Drag a server onto another side&apos;s slice to move it there,
or out of the circle to give it a side of its own</source>
        <translation>拖动可框选服务器（Ctrl+单击可加选或取消一台）
平移：按住中键，或按住 Shift 拖动
把服务器拖到另一侧的扇区即可移过去，
拖到圆圈外则让它单独成为一侧</translation>
    </message>
    <message>
        <source>start an election now: leadership is handed over</source>
        <translation>立即发起选举：领导权正在移交</translation>
    </message>
    <message>
        <source>snapshot ≤ %1 · %2</source>
        <translation>快照 ≤ %1 · %2</translation>
    </message>
    <message>
        <source>snapshot ≤ %1</source>
        <translation>快照 ≤ %1</translation>
    </message>
    <message>
        <source>snapshot up to index %1 (term %2)</source>
        <translation>快照到索引 %1（任期 %2）</translation>
    </message>
    <message>
        <source>bytes %1–%2 of %3%4</source>
        <translation>第 %1–%2 字节，共 %3 字节%4</translation>
    </message>
    <message>
        <source>, the last chunk</source>
        <translation>，最后一个分块</translation>
    </message>
    <message>
        <source>installed: matchIndex %1</source>
        <translation>已安装：matchIndex %1</translation>
    </message>
    <message>
        <source>holds %1 bytes of the snapshot up to index %2</source>
        <translation>已持有到索引 %2 的快照的 %1 字节</translation>
    </message>
    <message>
        <source>catching up %1/%2</source>
        <translation>追赶中 %1/%2</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>学习者</translation>
    </message>
    <message>
        <source>removed: %1 leaves it out</source>
        <translation>已移除：%1 不包含它</translation>
    </message>
    <message>
        <source>spare: in no configuration</source>
        <translation>备用：不在任何配置中</translation>
    </message>
    <message>
        <source>leaving: %1 leaves it out</source>
        <translation>正在离开：%1 不包含它</translation>
    </message>
</context>
<context>
    <name>widgets::EventModel</name>
    <message>
        <source>%1 — %2 (event %3)
%4</source>
        <translation>%1 — %2（事件 %3）
%4</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>What happened, and why</source>
        <translation>发生了什么，为什么</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
</context>
<context>
    <name>widgets::EventsPane</name>
    <message>
        <source>Show heartbeats</source>
        <translation>显示心跳</translation>
    </message>
    <message>
        <source>Also list the routine heartbeats and the acknowledgements that change nothing</source>
        <translation>也列出例行的心跳和没有带来变化的确认</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>事件：%1</translation>
    </message>
</context>
<context>
    <name>widgets::Inspector</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未请求</translation>
    </message>
    <message>
        <source>asked, no answer yet</source>
        <translation>已请求，尚未回复</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>a partition</source>
        <translation>网络分区</translation>
    </message>
    <message>
        <source>a cut link</source>
        <translation>链路被切断</translation>
    </message>
    <message>
        <source>random loss</source>
        <translation>随机丢失</translation>
    </message>
    <message>
        <source>the receiver is down</source>
        <translation>接收者已宕机</translation>
    </message>
    <message>
        <source>dropped by you</source>
        <translation>被你丢弃</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选中任何对象</translation>
    </message>
    <message>
        <source>%1 does not exist at this moment: it is added later in the run</source>
        <translation>%1 在此刻还不存在：它在本次运行的稍后才被加入</translation>
    </message>
    <message>
        <source>Click a server or a message to see its fields.</source>
        <translation>单击服务器或消息以查看它的字段。</translation>
    </message>
    <message>
        <source>%1 — %2, term %3</source>
        <translation>%1 — %2，任期 %3</translation>
    </message>
    <message>
        <source>Message #%1: %2 %3 → %4</source>
        <translation>消息 #%1：%2 %3 → %4</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>currentTerm</source>
        <translation>当前任期 currentTerm</translation>
    </message>
    <message>
        <source>votedFor</source>
        <translation>投票给 votedFor</translation>
    </message>
    <message>
        <source>nobody in this term</source>
        <translation>本任期尚未投票</translation>
    </message>
    <message>
        <source>Leader it knows</source>
        <translation>已知的领导者</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>commitIndex</source>
        <translation>提交索引 commitIndex</translation>
    </message>
    <message>
        <source>lastApplied</source>
        <translation>已应用索引 lastApplied</translation>
    </message>
    <message>
        <source>lost in the crash (volatile)</source>
        <translation>随崩溃丢失（易失状态）</translation>
    </message>
    <message>
        <source>Log length</source>
        <translation>日志长度</translation>
    </message>
    <message>
        <source>%1 (last term %2)</source>
        <translation>%1（最后任期 %2）</translation>
    </message>
    <message>
        <source>Next heartbeat</source>
        <translation>下次心跳</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>in %1 (of %2)</source>
        <translation>%1 后（共 %2）</translation>
    </message>
    <message>
        <source>frozen, %1 left</source>
        <translation>已冻结，剩余 %1</translation>
    </message>
    <message>
        <source>Election timeout</source>
        <translation>选举超时</translation>
    </message>
    <message>
        <source>not running (crashed)</source>
        <translation>未运行（已崩溃）</translation>
    </message>
    <message>
        <source>Replication (leader&apos;s view, Figure 2)</source>
        <translation>复制进度（领导者视角，图 2）</translation>
    </message>
    <message>
        <source>nextIndex %1, matchIndex %2; %3</source>
        <translation>nextIndex %1，matchIndex %2；%3</translation>
    </message>
    <message>
        <source>probe: waiting for the answer before sending more</source>
        <translation>探测：等待应答后再发送</translation>
    </message>
    <message>
        <source>probe: finding where the logs match</source>
        <translation>探测：寻找日志一致的位置</translation>
    </message>
    <message numerus="yes">
        <source>replicate: %n batch(es) in flight, not resent</source>
        <translation>
            <numerusform>复制：%n 批条目在途中，不重发</numerusform>
        </translation>
    </message>
    <message>
        <source>replicate: up to date, heartbeats only</source>
        <translation>复制：已跟上，只发心跳</translation>
    </message>
    <message>
        <source>Votes in term %1: %2 of %3 needed</source>
        <translation>任期 %1 的投票：已有 %2 票，需要 %3 票</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Last entries</source>
        <translation>最近的条目</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>索引 %1</translation>
    </message>
    <message>
        <source>term %1 · %2%3</source>
        <translation>任期 %1 · %2%3</translation>
    </message>
    <message>
        <source> · committed</source>
        <translation> · 已提交</translation>
    </message>
    <message>
        <source>RPC</source>
        <translation>RPC</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收者</translation>
    </message>
    <message>
        <source>term</source>
        <translation>任期 term</translation>
    </message>
    <message>
        <source>lastLogIndex</source>
        <translation>最后日志索引 lastLogIndex</translation>
    </message>
    <message>
        <source>lastLogTerm</source>
        <translation>最后日志任期 lastLogTerm</translation>
    </message>
    <message>
        <source>voteGranted</source>
        <translation>同意投票 voteGranted</translation>
    </message>
    <message>
        <source>prevLogIndex</source>
        <translation>前一日志索引 prevLogIndex</translation>
    </message>
    <message>
        <source>prevLogTerm</source>
        <translation>前一日志任期 prevLogTerm</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>条目 entries</translation>
    </message>
    <message>
        <source>none — a heartbeat</source>
        <translation>无——这是心跳</translation>
    </message>
    <message>
        <source>leaderCommit</source>
        <translation>领导者提交索引 leaderCommit</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功 success</translation>
    </message>
    <message>
        <source>matchIndex</source>
        <translation>匹配索引 matchIndex</translation>
    </message>
    <message>
        <source>rejectedIndex</source>
        <translation>被拒索引 rejectedIndex</translation>
    </message>
    <message>
        <source>conflictTerm</source>
        <translation>冲突任期 conflictTerm</translation>
    </message>
    <message>
        <source>conflictIndex</source>
        <translation>冲突索引 conflictIndex</translation>
    </message>
    <message>
        <source>In the network</source>
        <translation>网络中</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>no longer in flight (delivered or lost)</source>
        <translation>已不在途中（已投递或已丢失）</translation>
    </message>
    <message>
        <source>lost at %1: %2</source>
        <translation>在 %1 丢失：%2</translation>
    </message>
    <message>
        <source>held at %1&apos;s door until you deliver it</source>
        <translation>扣留在 %1 的门口，直到你投递它</translation>
    </message>
    <message>
        <source>waiting at %1&apos;s door (it is paused)</source>
        <translation>在 %1 的门口等待（它已暂停）</translation>
    </message>
    <message>
        <source>in flight, but it will be lost (%1)</source>
        <translation>在途中，但将会丢失（%1）</translation>
    </message>
    <message>
        <source>in flight, %1% of the way</source>
        <translation>在途中，已走完 %1%</translation>
    </message>
    <message>
        <source>Copy made by the network</source>
        <translation>网络制造的副本</translation>
    </message>
    <message>
        <source>Entries carried</source>
        <translation>携带的条目</translation>
    </message>
    <message>
        <source>term %1 · %2</source>
        <translation>任期 %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Key/value store (keys: %1)</source>
        <translation>键值存储（%1 个键）</translation>
    </message>
    <message>
        <source>snapshot: sending its snapshot up to index %1 (%2 of %3 bytes confirmed)</source>
        <translation>快照：正在发送到索引 %1 的快照（已确认 %3 字节中的 %2 字节）</translation>
    </message>
    <message>
        <source>Snapshot (§7)</source>
        <translation>快照（§7）</translation>
    </message>
    <message>
        <source>lastIncludedIndex</source>
        <translation>lastIncludedIndex</translation>
    </message>
    <message>
        <source>lastIncludedTerm</source>
        <translation>lastIncludedTerm</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>State machine</source>
        <translation>状态机</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s), %1 bytes</source>
        <translation>
            <numerusform>%n 个键，%1 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving a snapshot</source>
        <translation>正在接收快照</translation>
    </message>
    <message>
        <source>up to index %1: %2 bytes so far</source>
        <translation>到索引 %1：目前 %2 字节</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>offset</translation>
    </message>
    <message>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%2 字节中的 %1 字节</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>bytes received</source>
        <translation>已收到字节</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Reads (§6.4)</source>
        <translation>读（§6.4）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>read #%1 of %2</source>
        <translation>读 #%1：%2</translation>
    </message>
    <message>
        <source> + learners %1</source>
        <translation> + 学习者 %1</translation>
    </message>
    <message>
        <source>%1 (committed)</source>
        <translation>%1（已提交）</translation>
    </message>
    <message>
        <source>%1 (not committed yet)</source>
        <translation>%1（尚未提交）</translation>
    </message>
    <message>
        <source>C_old,new: new %1, old %2</source>
        <translation>C_old,new：新 %1，旧 %2</translation>
    </message>
    <message>
        <source>Configuration (§6)</source>
        <translation>配置（§6）</translation>
    </message>
    <message>
        <source>From entry</source>
        <translation>来自条目</translation>
    </message>
    <message>
        <source>In force here</source>
        <translation>此处生效</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>成员身份</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>学习者</translation>
    </message>
    <message>
        <source>learner, catching up %1/%2</source>
        <translation>学习者，追赶中 %1/%2</translation>
    </message>
    <message>
        <source>none: a spare server</source>
        <translation>无：备用服务器</translation>
    </message>
    <message>
        <source>removed (§4.2.2)</source>
        <translation>已移除（§4.2.2）</translation>
    </message>
    <message>
        <source>spare: in no configuration</source>
        <translation>备用：不在任何配置中</translation>
    </message>
    <message>
        <source>voter</source>
        <translation>投票者</translation>
    </message>
</context>
<context>
    <name>widgets::LogModel</name>
    <message>
        <source>%1, index %2, term %3</source>
        <translation>%1，索引 %2，任期 %3</translation>
    </message>
    <message>
        <source>no-op (a new leader&apos;s first entry, §8)</source>
        <translation>空操作（新领导者的第一个条目，§8）</translation>
    </message>
    <message>
        <source>committed: %1&apos;s commitIndex is %2</source>
        <translation>已提交：%1 的 commitIndex 为 %2</translation>
    </message>
    <message>
        <source>not yet committed: %1&apos;s commitIndex is %2</source>
        <translation>尚未提交：%1 的 commitIndex 为 %2</translation>
    </message>
    <message>
        <source>%1 has no entry at index %2</source>
        <translation>%1 在索引 %2 处没有条目</translation>
    </message>
    <message>
        <source>the leader&apos;s matchIndex for %1</source>
        <translation>领导者记录的 %1 的 matchIndex</translation>
    </message>
    <message>
        <source>the leader&apos;s nextIndex for %1: the next entry it sends</source>
        <translation>领导者记录的 %1 的 nextIndex：它要发送的下一个条目</translation>
    </message>
    <message>
        <source>log index %1</source>
        <translation>日志索引 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: term %2, %3 entries, commitIndex %4</source>
        <translation>%1：任期 %2，%3 个条目，commitIndex %4</translation>
    </message>
    <message>
        <source>%1&apos;s snapshot holds entries 1 to %2 (last term %3): the log no longer has them (§7)</source>
        <translation>%1 的快照包含条目 1 到 %2（最后任期 %3）：日志中已不再有它们（§7）</translation>
    </message>
    <message>
        <source>they are committed and applied; the state machine&apos;s contents replace them</source>
        <translation>它们已提交并应用；由状态机的内容替代</translation>
    </message>
</context>
<context>
    <name>widgets::LogView</name>
    <message>
        <source>committed entry (term 2)</source>
        <translation>已提交的条目（任期 2）</translation>
    </message>
    <message>
        <source>not yet committed</source>
        <translation>尚未提交</translation>
    </message>
    <message>
        <source>commitIndex</source>
        <translation>commitIndex（提交索引）</translation>
    </message>
    <message>
        <source>leader&apos;s matchIndex</source>
        <translation>领导者的 matchIndex</translation>
    </message>
    <message>
        <source>leader&apos;s nextIndex</source>
        <translation>领导者的 nextIndex</translation>
    </message>
    <message>
        <source>snapshot ≤ %1, term %2</source>
        <translation>快照 ≤ %1，任期 %2</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>snapshot: entries compacted away</source>
        <translation>快照：条目已被压缩</translation>
    </message>
</context>
<context>
    <name>widgets::NetworkPane</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1–%2 ms</source>
        <translation>%1–%2 毫秒</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Give %1 → %2 the network&apos;s conditions again</source>
        <translation>让 %1 → %2 重新采用整个网络的条件</translation>
    </message>
    <message>
        <source>Partition: %1</source>
        <translation>网络分区：%1</translation>
    </message>
    <message>
        <source>Isolated: %1 (every link cut both ways)</source>
        <translation>已隔离：%1（所有链路都被双向切断）</translation>
    </message>
    <message>
        <source>Cut both ways: %1 ↔ %2</source>
        <translation>双向切断：%1 ↔ %2</translation>
    </message>
    <message>
        <source>Cut one way: %1 → %2</source>
        <translation>单向切断：%1 → %2</translation>
    </message>
    <message>
        <source>No faults: every server can reach every other</source>
        <translation>没有故障：每台服务器都能联系上其他所有服务器</translation>
    </message>
    <message>
        <source>%1 (%2 % of sent)</source>
        <translation>%1（占发送的 %2 %）</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Shortest delay of a message, in virtual milliseconds</source>
        <translation>消息的最短延迟，单位为虚拟毫秒</translation>
    </message>
    <message>
        <source>Longest delay of a message; each message&apos;s delay is drawn between the two</source>
        <translation>消息的最长延迟；每条消息的延迟在两者之间随机选取</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Chance that a message is lost on its way</source>
        <translation>消息在途中丢失的概率</translation>
    </message>
    <message>
        <source>Duplication</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Chance that the network delivers a second copy of a message</source>
        <translation>网络把同一条消息再投递一份的概率</translation>
    </message>
    <message>
        <source>Links with their own conditions</source>
        <translation>有独立条件的链路</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Give the opposite direction the same conditions too</source>
        <translation>反方向也使用同样的条件</translation>
    </message>
    <message>
        <source>Set for this link</source>
        <translation>应用到这条链路</translation>
    </message>
    <message>
        <source>Messages on this one-way link meet these conditions instead of the network&apos;s</source>
        <translation>这条单向链路上的消息采用这些条件，而不是整个网络的条件</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Heal</source>
        <translation>恢复网络</translation>
    </message>
    <message>
        <source>Remove every partition and cut link (links keep their own conditions)</source>
        <translation>移除所有网络分区和被切断的链路（链路保留各自的条件）</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
</context>
<context>
    <name>widgets::SpaceTimePane</name>
    <message>
        <source>Heartbeats</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>Show the leader&apos;s empty AppendEntries and their replies</source>
        <translation>显示领导者的空 AppendEntries 及其回复</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the playhead in view (Home)</source>
        <translation>让播放头保持在视野内（Home）</translation>
    </message>
    <message>
        <source>Whole Run</source>
        <translation>整个运行</translation>
    </message>
    <message>
        <source>Show the whole recorded run (0)</source>
        <translation>显示整个已录制的运行（0）</translation>
    </message>
</context>
<context>
    <name>widgets::SpaceTimeView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Space-time diagram</source>
        <translation>时空图</translation>
    </message>
    <message>
        <source>T%1</source>
        <translation>任期%1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s): counted per pixel column (zoom in for arrows)</source>
        <translation>
            <numerusform>%n 条消息：按像素列计数（放大可看到箭头）</numerusform>
        </translation>
    </message>
    <message>
        <source>delivered at %1</source>
        <translation>于 %1 送达</translation>
    </message>
    <message>
        <source>lost at %1</source>
        <translation>于 %1 丢失</translation>
    </message>
    <message>
        <source>still on its way</source>
        <translation>仍在途中</translation>
    </message>
    <message>
        <source>%1 from %2 to %3, term %4, sent at %5, %6</source>
        <translation>%1，从 %2 到 %3，任期 %4，于 %5 发出，%6</translation>
    </message>
</context>
<context>
    <name>widgets::StepBanner</name>
    <message>
        <source>%1  %2</source>
        <comment>the other events, then &quot;+N more&quot;</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Step explanation</source>
        <translation>单步说明</translation>
    </message>
    <message>
        <source>Step forward to see what happens next, one event at a time, and why.</source>
        <translation>单步前进，一次一个事件地查看接下来发生了什么以及原因。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2&lt;ul style=&quot;margin-left:-20px&quot;&gt;%3&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，时间 %2&lt;ul style=&quot;margin-left:-20px&quot;&gt;%3&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1，时间 %2：%3</translation>
    </message>
</context>
<context>
    <name>widgets::Timeline</name>
    <message>
        <source>%1:%2:%3</source>
        <comment>hours:minutes:seconds</comment>
        <translation>%1:%2:%3</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <comment>minutes:seconds</comment>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>seconds on the time axis</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>You crashed %1</source>
        <translation>你让 %1 崩溃了</translation>
    </message>
    <message>
        <source>You restarted %1</source>
        <translation>你重启了 %1</translation>
    </message>
    <message>
        <source>You paused %1</source>
        <translation>你暂停了 %1</translation>
    </message>
    <message>
        <source>You resumed %1</source>
        <translation>你恢复了 %1</translation>
    </message>
    <message>
        <source>You made %1 time out and start an election</source>
        <translation>你让 %1 超时并发起选举</translation>
    </message>
    <message>
        <source>You sent the client request &quot;%1&quot; to %2</source>
        <translation>你向 %2 发送了客户端请求“%1”</translation>
    </message>
    <message>
        <source>You partitioned the network: %1</source>
        <translation>你对网络进行了分区：%1</translation>
    </message>
    <message>
        <source>You isolated %1 from the network</source>
        <translation>你把 %1 与网络隔离了</translation>
    </message>
    <message>
        <source>You cut the link between %1 and %2</source>
        <translation>你切断了 %1 与 %2 之间的链路</translation>
    </message>
    <message>
        <source>You cut the link from %1 to %2</source>
        <translation>你切断了从 %1 到 %2 的链路</translation>
    </message>
    <message>
        <source>You reconnected %1</source>
        <translation>你重新连接了 %1</translation>
    </message>
    <message>
        <source>You restored the link between %1 and %2</source>
        <translation>你恢复了 %1 与 %2 之间的链路</translation>
    </message>
    <message>
        <source>You restored the link from %1 to %2</source>
        <translation>你恢复了从 %1 到 %2 的链路</translation>
    </message>
    <message>
        <source>You healed the network</source>
        <translation>你恢复了网络</translation>
    </message>
    <message>
        <source>You dropped message #%1</source>
        <translation>你丢弃了消息 #%1</translation>
    </message>
    <message>
        <source>You delivered message #%1</source>
        <translation>你投递了消息 #%1</translation>
    </message>
    <message>
        <source>You duplicated message #%1</source>
        <translation>你复制了消息 #%1</translation>
    </message>
    <message>
        <source>You turned manual delivery on</source>
        <translation>你打开了手动投递</translation>
    </message>
    <message>
        <source>You turned manual delivery off</source>
        <translation>你关闭了手动投递</translation>
    </message>
    <message>
        <source>You started the automatic client: a request to the leader every %1 ms</source>
        <translation>你启动了自动客户端：每隔 %1 毫秒向领导者发送一条请求</translation>
    </message>
    <message>
        <source>You stopped the automatic client</source>
        <translation>你停止了自动客户端</translation>
    </message>
    <message>
        <source>You changed the network&apos;s latency, loss or duplication</source>
        <translation>你更改了网络的延迟、丢失率或重复率</translation>
    </message>
    <message>
        <source>Narration: %1</source>
        <translation>旁白：%1</translation>
    </message>
    <message>
        <source>You set %1&apos;s election timer to fire at %2</source>
        <translation>你把 %1 的选举计时器设为在 %2 到期</translation>
    </message>
    <message>
        <source>You changed the link from %1 to %2</source>
        <translation>你更改了从 %1 到 %2 的链路</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>The whole run in virtual time. Along the top, your own actions: triangles (hollow ones are client requests), a lightning bolt where a server crashed and a green arrow where it restarted. Below, each election won is a ringed disc with its term number, followed by a bar in the term&apos;s colour while that leader leads; gaps mean no leader. Ticks are commits. Red hatching marks network faults. After the playhead, the lighter hatched part is the recorded future. Click or drag to go to a moment; the wheel zooms (Shift+wheel pans); Home and End go to the start and the end; + and - zoom and 0 shows the whole run.</source>
        <translation>按虚拟时间展示的整个运行过程。顶部是你自己的操作：三角形（空心的是客户端请求），闪电表示服务器崩溃，绿色箭头表示它重启。下方每一次赢得的选举是一个带环的圆盘，标有任期号，随后是该领导者在位期间的任期颜色条；空隙表示没有领导者。刻度表示提交。红色斜线标出网络故障。播放头之后颜色较浅的斜线部分是已记录的未来。单击或拖动可跳到某个时刻；滚轮缩放（Shift+滚轮平移）；Home 和 End 跳到开头和结尾；+ 和 - 缩放，0 显示整个运行过程。</translation>
    </message>
    <message>
        <source>At %1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · term %2</source>
        <translation>%1 · 任期 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your action&lt;/b&gt; at %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;你的操作&lt;/b&gt;，时间 %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，时间 %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>the end of the recorded run</source>
        <translation>已记录运行的结尾</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 led term %2&lt;/b&gt;&lt;br&gt;from %3 to %4</source>
        <translation>&lt;b&gt;%1 领导任期 %2&lt;/b&gt;&lt;br&gt;从 %3 到 %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network faults&lt;/b&gt; from %1 to %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;网络故障&lt;/b&gt;，从 %1 到 %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>You asked the leader to hand leadership over to %1</source>
        <translation>你请领导者把领导权移交给 %1</translation>
    </message>
    <message>
        <source>You made %1 take a snapshot and compact its log</source>
        <translation>你让 %1 做了快照并压缩了日志</translation>
    </message>
    <message>
        <source>You read %1 at %2</source>
        <translation>你在 %2 上读取了 %1</translation>
    </message>
    <message>
        <source>You asked the leader to add %1</source>
        <translation>你请领导者加入 %1</translation>
    </message>
    <message>
        <source>You asked the leader to change the configuration to %1</source>
        <translation>你请领导者把配置变更为 %1</translation>
    </message>
    <message>
        <source>You asked the leader to remove %1</source>
        <translation>你请领导者移除 %1</translation>
    </message>
</context>
</TS>
