<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountView</name>
    <message>
        <location filename="../../desktop/ui/account_view.py" line="+36"/>
        <source>Your account</source>
        <translation>我的账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is signed in at this computer, and your password.</source>
        <translation>在这台电脑上登录的是谁，以及您的密码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock the screen now</source>
        <translation>立即锁屏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+L; the password opens it again.</source>
        <translation>快捷键 Ctrl+L；输入密码即可解锁。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At least 6 characters.</source>
        <translation>至少 6 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your password is changed. Use it from now on.</source>
        <translation>密码已修改，今后请使用新密码。</translation>
    </message>
</context>
<context>
    <name>AffectedTableModel</name>
    <message>
        <location filename="../../desktop/ui/spaces/models.py" line="+138"/>
        <source>Who</source>
        <translation>预约人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>AttemptsModel</name>
    <message>
        <location filename="../../desktop/ui/door/parts.py" line="+162"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scanned</source>
        <translation>扫码内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already in</source>
        <translation>已签过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not registered</source>
        <translation>未报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitlisted</source>
        <translation>候补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong event</source>
        <translation>非本场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>several matches</source>
        <translation>多人相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, by %2</source>
        <translation>%1，由 %2 办理</translation>
    </message>
</context>
<context>
    <name>AuditDetailModel</name>
    <message>
        <location filename="../../desktop/ui/audit_view.py" line="+192"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <location line="-142"/>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member tag</source>
        <translation>会员标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership period</source>
        <translation>会籍期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erased</source>
        <translation>已抹除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data exported</source>
        <translation>已导出个人数据</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location line="+80"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location line="+51"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change, who made it and when, with the fields before and after.</source>
        <translation>每一次更改：由谁、在何时做出，以及修改前后的字段。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+94"/>
        <source>Select an entry to see what it changed.</source>
        <translation>选择一条记录，查看它更改了什么。</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · %2: %3, by %4</source>
        <translation>%1 · %2：%3，操作人 %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 entries exported to %2.</source>
        <translation>已将 %1 条记录导出到 %2。</translation>
    </message>
</context>
<context>
    <name>BackupKinds</name>
    <message>
        <location filename="../../desktop/ui/backups_tab.py" line="+52"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location line="+8"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location line="+104"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Clubhouse backs up automatically when it opens and the last automatic backup is a day old. Manual backups and the copies made before a restore or an upgrade are never deleted automatically.</source>
        <translation>山庄圈子启动时，如果上一次自动备份已超过一天，会自动备份。手动备份以及恢复或升级前保存的副本不会被自动删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+54"/>
        <source>Where backups go</source>
        <translation>备份位置</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clubhouse backups (*.sqlite);;All files (*)</source>
        <translation>山庄圈子备份 (*.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>BenefitUseDialog</name>
    <message>
        <location filename="../../desktop/ui/partners/benefit_dialog.py" line="+27"/>
        <source>Log a benefit use</source>
        <translation>登记权益使用</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>name, pinyin, number or phone</source>
        <translation>姓名、拼音、会员号或电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional, in yuan, e.g. 80</source>
        <translation>选填，单位元，例如 80</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log the use</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The agreement ended on %1: the use is logged with a warning.</source>
        <translation>合作协议已于%1到期：本次使用将连同提醒一并登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This partner is no longer active.</source>
        <translation>该合作伙伴已停用。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the member from the list (Down, then Enter).</source>
        <translation>请从列表中选择会员（按向下键，再按回车）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the member who used it.</source>
        <translation>请选择使用权益的会员。</translation>
    </message>
</context>
<context>
    <name>BenefitUsesModel</name>
    <message>
        <location filename="../../desktop/ui/partners/models.py" line="+156"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Double-click to open the member</source>
        <translation>双击打开该会员</translation>
    </message>
</context>
<context>
    <name>BookingDetailsDialog</name>
    <message>
        <location filename="../../desktop/ui/calendar/details.py" line="+37"/>
        <source>Booking</source>
        <translation>预订</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who</source>
        <translation>预约人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why is it cancelled?</source>
        <translation>取消原因？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the booking</source>
        <translation>取消预订</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel booking…</source>
        <translation>取消预订…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark no-show</source>
        <translation>标记未到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../desktop/ui/calendar/view.py" line="+65"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Previous (PageUp)</source>
        <translation>上一页（PageUp）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today (T)</source>
        <translation>今天（T）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next (PageDown)</source>
        <translation>下一页（PageDown）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week — one space</source>
        <translation>周 — 单个场地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week — all spaces</source>
        <translation>周 — 全部场地</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find a free slot…</source>
        <translation>查找空闲时段…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 bookings, %2 people</source>
        <translation>%1 个预订，%2 人</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Booked: %1, %2 %3.</source>
        <translation>已预订：%1，%2 %3。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Moved: %1, %2 %3–%4.</source>
        <translation>已调整：%1，%2 %3–%4。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day schedule</source>
        <translation>日程表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Week schedule</source>
        <translation>周程表</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../desktop/ui/review/models.py" line="+24"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last visit</source>
        <translation>最近到访</translation>
    </message>
</context>
<context>
    <name>ChartBase</name>
    <message>
        <location filename="../../desktop/ui/charts/base.py" line="+117"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>CircleKinds</name>
    <message>
        <location filename="../../desktop/ui/circle/models.py" line="+33"/>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
</context>
<context>
    <name>CirclePage</name>
    <message>
        <location filename="../../desktop/ui/review/circle_money.py" line="+21"/>
        <source>Open needs</source>
        <translation>未解决的需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open offers</source>
        <translation>可提供的资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New needs</source>
        <translation>新需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New offers</source>
        <translation>新资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched</source>
        <translation>已对接</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Introductions</source>
        <translation>引荐</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Value of outcomes</source>
        <translation>成果价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The values recorded on the outcomes of the window&apos;s introductions.</source>
        <translation>这段时间引荐成果所记录的价值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partner benefit uses</source>
        <translation>合作伙伴权益使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Introductions per month</source>
        <translation>每月引荐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes of introductions</source>
        <translation>引荐成果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner benefit uses per month</source>
        <translation>每月合作伙伴权益使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Benefit uses by partner</source>
        <translation>各合作伙伴权益使用</translation>
    </message>
</context>
<context>
    <name>CircleView</name>
    <message>
        <location filename="../../desktop/ui/circle/view.py" line="+95"/>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What members offer and need, who could help whom, and what came of the introductions.</source>
        <translation>会员能提供什么、需要什么，谁能帮到谁，以及引荐带来的结果。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New need</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New offer</source>
        <translation>新建供给</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark matched</source>
        <translation>标记为已对接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark closed</source>
        <translation>标记为已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+82"/>
        <source>Introduce…</source>
        <translation>引荐…</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Record outcome…</source>
        <translation>记录结果…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show member</source>
        <translation>查看会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Title, member or tag  (Ctrl+F)</source>
        <translation>标题、会员或标签  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open needs</source>
        <translation>进行中的需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open offers</source>
        <translation>进行中的供给</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Suggested matches</source>
        <translation>推荐匹配</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Open needs (%1)</source>
        <translation>进行中的需求（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open offers (%1)</source>
        <translation>进行中的供给（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent introductions (%1)</source>
        <translation>近期引荐（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow up (%1)</source>
        <translation>待跟进（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes this month (%1)</source>
        <translation>本月结果（%1）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>value %1</source>
        <translation>价值 %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Select a need or an offer.</source>
        <translation>请选择一条需求或供给。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offers and partners for the need “%1”</source>
        <translation>适合需求“%1”的供给和合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs the offer “%1” could answer</source>
        <translation>供给“%1”可以满足的需求</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No suggestions yet: nothing open shares a tag or a word with it.</source>
        <translation>暂无推荐：没有进行中的条目与它有相同的标签或词语。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>“%1” is saved.</source>
        <translation>“%1”已保存。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“%1” is now %2.</source>
        <translation>“%1”现在是%2。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 is introduced to %2.</source>
        <translation>已将 %1 引荐给 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Outcome recorded: %1 and %2.</source>
        <translation>已记录结果：%1 与 %2。</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../desktop/ui/spaces/closure_dialog.py" line="+81"/>
        <location line="+39"/>
        <source>Add closure</source>
        <translation>添加关闭时段</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Whole venue (every space)</source>
        <translation>整个场馆（所有场地）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What closes</source>
        <translation>关闭范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Spring Festival, pump repair</source>
        <translation>例如：春节、水泵维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody can book inside a closure. If bookings already fall inside it, you see them and decide next.</source>
        <translation>关闭时段内任何人都不能预约。如果其中已有预约，下一步会列出它们，由您决定如何处理。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Call these people to let them know. Then choose: cancel their bookings with the closure&apos;s reason, or keep them (the closure only stops new bookings).</source>
        <translation>请致电通知以下预约人。然后选择：以关闭原因取消这些预约，或保留它们（关闭时段只阻止新的预约）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep them</source>
        <translation>保留这些预约</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel these bookings</source>
        <translation>取消这些预约</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>1 booking falls inside this closure.</source>
        <translation>此关闭时段内有 1 个预约。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bookings fall inside this closure.</source>
        <translation>此关闭时段内有 %1 个预约。</translation>
    </message>
</context>
<context>
    <name>ClosuresTableModel</name>
    <message>
        <location filename="../../desktop/ui/spaces/models.py" line="-31"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole venue</source>
        <translation>整个场馆</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../../desktop/ui/spaces/space_dialog.py" line="+194"/>
        <source>Colour of the space</source>
        <translation>场地颜色</translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location filename="../../desktop/ui/door/parts.py" line="-91"/>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-ins</source>
        <translation>现场报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to come</source>
        <translation>未到</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="+40"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clubhouse ran into a problem it did not expect. The last action may not have been completed; your saved data is safe, because every change is saved completely or not at all.</source>
        <translation>山庄圈子遇到了意外问题。刚才的操作可能没有完成；已保存的数据是安全的，因为每次更改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The details are written to the log file:
%1
Please send it to whoever supports Clubhouse for you.</source>
        <translation>详细信息已写入日志文件：
%1
请把它发给为您提供山庄圈子支持的人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit Clubhouse</source>
        <translation>退出山庄圈子</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../desktop/ui/database_tab.py" line="+49"/>
        <source>This computer uses</source>
        <translation>这台电脑使用的数据库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A file on this computer (SQLite)</source>
        <translation>本机上的文件（SQLite）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PostgreSQL server, shared by several desks</source>
        <translation>多台前台共用的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema version</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A shared PostgreSQL server (for several desks)</source>
        <translation>共用的 PostgreSQL 服务器（多台前台）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the server your IT person set up. Test the connection, then use it: Clubhouse opens it the next time it starts. Your data is not copied; to move it, back up here and restore the backup there.</source>
        <translation>填写由技术人员搭建好的服务器。先测试连接，再选择使用：山庄圈子下次启动时将打开它。数据不会自动复制；如需迁移，请在这里备份，再在那里恢复该备份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 192.168.1.20 or db.lodge.lan</source>
        <translation>例如 192.168.1.20 或 db.lodge.lan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the local file again</source>
        <translation>改回使用本机文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this database</source>
        <translation>使用此数据库</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved for the next start: %1 on %2.</source>
        <translation>已保存，下次启动时使用：%2 上的 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No PostgreSQL server is saved: Clubhouse opens the local file.</source>
        <translation>未保存 PostgreSQL 服务器：山庄圈子打开本机文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept in the system keyring, never in a file.</source>
        <translation>密码保存在系统密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has no system keyring, so a password cannot be saved. Leave it empty if the server trusts this computer, or start Clubhouse with --db.</source>
        <translation>这台电脑没有系统密钥环，无法保存密码。如果服务器信任这台电脑，请留空；否则请用 --db 启动山庄圈子。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+24"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Connected. The server answers and the database is there.</source>
        <translation>连接成功：服务器有响应，数据库存在。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This computer has no system keyring, so the password cannot be saved.</source>
        <translation>这台电脑没有系统密钥环，无法保存密码。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved. Clubhouse uses this database from the next start.</source>
        <translation>已保存。山庄圈子下次启动时将使用此数据库。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is forgotten. Clubhouse opens the local file from the next start.</source>
        <translation>已移除该服务器。山庄圈子下次启动时将打开本机文件。</translation>
    </message>
</context>
<context>
    <name>DeleteClosureDialog</name>
    <message>
        <location filename="../../desktop/ui/spaces/closure_dialog.py" line="+30"/>
        <location line="+13"/>
        <source>Delete closure</source>
        <translation>删除关闭时段</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Delete the closure of %1 from %2 to %3 (%4)?</source>
        <translation>删除 %1 从 %2 到 %3 的关闭时段（%4）？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time becomes bookable again. Bookings that were cancelled for it stay cancelled.</source>
        <translation>该时间将重新开放预约。因此被取消的预约仍保持取消。</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="+204"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DoorModeWindow</name>
    <message>
        <location filename="../../desktop/ui/door/window.py" line="+98"/>
        <source>Door: %1</source>
        <translation>签到：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This event was cancelled.</source>
        <translation>此活动已取消。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exit door mode</source>
        <translation>退出签到模式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Leave door mode? Press Escape again to leave, or scan to carry on.</source>
        <translation>要退出签到模式吗？再按一次 Esc 退出，或继续扫码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scan a card, or type a name, number or phone</source>
        <translation>扫会员卡，或输入姓名、会员号、手机号</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Register as walk-in (Ctrl+R)</source>
        <translation>现场报名并签到（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Companions</source>
        <translation>同行人数</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recent scans</source>
        <translation>最近扫码</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Undo last check-in (Ctrl+Z)</source>
        <translation>撤销上一次签到（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo last check-in</source>
        <translation>撤销上一次签到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register as walk-in</source>
        <translation>现场报名并签到</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Nothing to undo</source>
        <translation>无可撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No check-in made here yet.</source>
        <translation>本机尚未办理签到。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not done</source>
        <translation>未办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already checked in</source>
        <translation>已经签到过了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not registered</source>
        <translation>未报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the waitlist</source>
        <translation>在候补名单上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration cancelled</source>
        <translation>报名已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong event</source>
        <translation>不是本场活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown code</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several matches</source>
        <translation>多人相符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in undone</source>
        <translation>签到已撤销</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No. %1</source>
        <translation>会员号 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>来宾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+%1 with them</source>
        <translation>同行 %1 人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid</source>
        <translation>已付费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT PAID (%1)</source>
        <translation>未付费（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>walk-in</source>
        <translation>现场报名</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ready</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan the next card.</source>
        <translation>请扫下一张卡。</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../desktop/ui/review/drill_dialog.py" line="+55"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-click or press Enter on a line to open it.</source>
        <translation>双击某一行或按回车键打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nobody in this list.</source>
        <translation>这个名单是空的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first %1.</source>
        <translation>显示前 %1 行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <location line="-67"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../desktop/ui/members/member_dialog.py" line="+160"/>
        <source>Already a member?</source>
        <translation>已经是会员了？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This may be someone the directory already has:</source>
        <translation>这可能是名录里已有的人：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>same phone number</source>
        <translation>手机号相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name and company</source>
        <translation>姓名和公司相同</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open that record</source>
        <translation>打开那条记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reactivate brings the archived record back with its history; you then check the details and save.</source>
        <translation>重新启用会恢复这条已归档的记录及其历史；然后核对信息并保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open that record to see or renew it instead of adding a second one.</source>
        <translation>打开那条记录查看或续费，而不是再新建一条。</translation>
    </message>
</context>
<context>
    <name>EngagedModel</name>
    <message>
        <location filename="../../desktop/ui/review/models.py" line="+15"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visits</source>
        <translation>到访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>EngagementPage</name>
    <message>
        <location filename="../../desktop/ui/review/people.py" line="+131"/>
        <source>Members with a membership in the window</source>
        <translation>期间内有会籍的会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <location line="+22"/>
        <source>Visits</source>
        <translation>到访</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Members who visited</source>
        <translation>到访会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event check-ins</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members at events</source>
        <translation>参加活动的会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not seen for %1 days</source>
        <translation>%1 天未到访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current members with no visit for more than %1 days (or never): the setting Review → not seen days.</source>
        <translation>超过 %1 天（或从未）到访的在籍会员：在设置中“回顾 → 未到访天数”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Most engaged members</source>
        <translation>最活跃的会员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody visited in this window yet.</source>
        <translation>这段时间还没有人到访。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Members by visits and by events attended</source>
        <translation>按到访次数和参加活动次数的会员分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many members came how often in the window.</source>
        <translation>这段时间内多少会员来了多少次。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Most engaged</source>
        <translation>最活跃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a name to open the member.</source>
        <translation>点击姓名打开会员。</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../desktop/ui/members/action_dialogs.py" line="+86"/>
        <source>Erase member</source>
        <translation>抹除会员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Erase %1 (%2)?</source>
        <translation>抹除 %1（%2）？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name becomes &quot;Erased member %1&quot;; the phone, email, WeChat, company, title, city, notes, photo and tags are deleted, also from the audit log. The membership periods and payments stay as counts and history, without the person. This cannot be undone: export their data first if they asked for a copy.</source>
        <translation>姓名将变为“Erased member %1”（已抹除会员）；手机、邮箱、微信、公司、职位、城市、备注、照片和标签都会删除，审计日志中的也一并删除。会籍期间和付款作为统计和历史保留，但不再关联到这个人。此操作无法撤销：如果对方要求获得一份副本，请先导出其数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. the member&apos;s written request of today</source>
        <translation>例如：会员今天的书面申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase for good</source>
        <translation>永久抹除</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../desktop/ui/events/event_dialog.py" line="+64"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit event</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>e.g. Reading club: 红楼梦</source>
        <translation>例如：读书会：红楼梦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: the member who hosts it</source>
        <translation>可选：主持活动的会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 holds at most %2 people</source>
        <translation>%1 最多容纳 %2 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has %2 seats, shared with other parties</source>
        <translation>%1 共 %2 个座位，与其他预订共用</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose the host from the list (Down, then Enter), or clear it.</source>
        <translation>请从列表中选择主持人（按↓再按回车），或清空此栏。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The space is closed that day; choose another date or space.</source>
        <translation>该场地当天不开放，请换一个日期或场地。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose at least one weekday to repeat on.</source>
        <translation>请至少选择一个重复的星期几。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 of %2 dates cannot be booked:</source>
        <translation>%2 个日期中有 %1 个无法预订：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skip these and create the other %1 dates</source>
        <translation>跳过这些日期，创建其余 %1 场</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No date of this series can be booked.</source>
        <translation>这组重复活动没有一个日期可以预订。</translation>
    </message>
</context>
<context>
    <name>EventPartnersDialog</name>
    <message>
        <location filename="../../desktop/ui/partners/event_partners_dialog.py" line="+43"/>
        <source>Sponsors and co-hosts</source>
        <translation>赞助与联合主办</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete removes the chosen line.</source>
        <translation>按 Delete 删除所选的一行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no partners yet; the owner adds them in Partners.</source>
        <translation>还没有合作伙伴；店主可在“合作伙伴”中添加。</translation>
    </message>
</context>
<context>
    <name>EventRowsModel</name>
    <message>
        <location filename="../../desktop/ui/review/models.py" line="+17"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Came</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>到场率</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-click for the people</source>
        <translation>双击查看名单</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../desktop/ui/events/models.py" line="+33"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (cancelled)</source>
        <translation>%1（已取消）</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../desktop/ui/review/venue.py" line="+117"/>
        <source>Events held</source>
        <translation>已举办活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events that are over, cancelled ones left out.</source>
        <translation>已结束的活动，不含已取消的。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+37"/>
        <location line="+28"/>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+36"/>
        <location line="+28"/>
        <source>Came</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Attendance rate</source>
        <translation>到场率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left on the waitlist</source>
        <translation>仍在候补</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>Waitlist pressure</source>
        <translation>候补压力</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>People left waiting per place offered.</source>
        <translation>每个名额对应的候补人数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Events in the window</source>
        <translation>这段时间的活动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No event was held in this window.</source>
        <translation>这段时间没有举办活动。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2 registered · %3 came · %4 waiting</source>
        <translation>%1 · 报名 %2 · 到场 %3 · 候补 %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+28"/>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Registration and attendance by kind</source>
        <translation>按类型的报名与到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a bar for the events of that kind.</source>
        <translation>点击柱条查看该类型的活动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Places filled</source>
        <translation>名额填满率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Places filled and waitlist pressure</source>
        <translation>名额填满率与候补压力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered per place; people left waiting per place.</source>
        <translation>每个名额的报名人数；每个名额的候补人数。</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../../desktop/ui/events/view.py" line="+61"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading clubs, tastings, outings and talks: who is coming, who waits, and the roster for the door.</source>
        <translation>读书会、品鉴、出游和讲座：谁来、谁在候补，以及门口签到用的名单。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel event…</source>
        <translation>取消活动…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print roster…</source>
        <translation>打印名单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roster with a page for walk-ins…</source>
        <translation>名单（附现场报名页）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name badges…</source>
        <translation>姓名胸牌…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Door mode</source>
        <translation>门口签到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partners…</source>
        <translation>合作伙伴…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Upcoming</source>
        <translation>即将举行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title  (Ctrl+F)</source>
        <translation>标题（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>1 event</source>
        <translation>1 个活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 events</source>
        <translation>%1 个活动</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 is created; %2 is booked.</source>
        <translation>“%1”已创建；已预订%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is created on %2 dates.</source>
        <translation>“%1”已创建，共 %2 场。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is saved.</source>
        <translation>“%1”已保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 moved up from the waitlist</source>
        <translation>%1 已从候补转为正式报名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel %1? Its space booking is freed; the registrations stay on record.</source>
        <translation>取消“%1”吗？场地预订将被释放，报名记录会保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tell the %1 people registered or waiting.</source>
        <translation>请通知已报名或候补的 %1 人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel event</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the event</source>
        <translation>取消这个活动</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The partners of %1 are saved.</source>
        <translation>%1 的合作伙伴已保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is cancelled.</source>
        <translation>“%1”已取消。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Roster: %1</source>
        <translation>名单：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name badges: %1</source>
        <translation>姓名胸牌：%1</translation>
    </message>
</context>
<context>
    <name>ExpectedModel</name>
    <message>
        <location filename="../../desktop/ui/today/models.py" line="+116"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event: %1</source>
        <translation>活动：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (late)</source>
        <translation>%1（迟到）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 to come</source>
        <translation>待到 %1 人</translation>
    </message>
</context>
<context>
    <name>FindFreeSlotDialog</name>
    <message>
        <location filename="../../desktop/ui/booking/free_slot.py" line="+62"/>
        <source>Find a free slot</source>
        <translation>查找空闲时段</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Any space</source>
        <translation>任意场地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any %1</source>
        <translation>任意%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Party size</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Book this time…</source>
        <translation>预订这个时段…</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>The first %n free times; narrow the search to see later ones.</source>
        <translation>
            <numerusform>前 %n 个空闲时段；缩小查找范围可看到更晚的时段。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n free time(s)</source>
        <translation>
            <numerusform>%n 个空闲时段</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing free: try other dates, a shorter time or a smaller party.</source>
        <translation>没有空闲时段：请换个日期、缩短时长或减少人数。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="+56"/>
        <location line="+21"/>
        <source>Welcome to Clubhouse</source>
        <translation>欢迎使用山庄圈子</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The database %1 has no accounts yet. Set up your venue in it.</source>
        <translation>数据库 %1 还没有任何账号。请在其中设置您的场馆。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no venue on this computer yet. How would you like to start?</source>
        <translation>这台电脑上还没有场馆。您想如何开始？</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+5"/>
        <source>Set up my venue</source>
        <translation>设置我的场馆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an empty database for your venue: its name, its time zone and your owner account. You add staff, members and spaces afterwards.</source>
        <translation>为您的场馆新建一个空数据库：填写场馆名称、时区和您的店主账号。员工、会员和场地可以稍后添加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Explore the demo</source>
        <translation>体验演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look around a sample lodge, signed in as its owner. The demo is a separate database: nothing you do there reaches your venue.</source>
        <translation>以店主身份浏览一个示例山庄。演示使用单独的数据库：在其中的任何操作都不会影响您的场馆。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+70"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>e.g. Pine Hill Lodge</source>
        <translation>例如 松山茶院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue name</source>
        <translation>场馆名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your owner account</source>
        <translation>您的店主账号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>letters and digits, e.g. wang</source>
        <translation>字母和数字，例如 wang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as staff see it, e.g. 王经理</source>
        <translation>员工看到的名字，例如 王经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data is kept in %1.</source>
        <translation>数据保存在 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create my venue</source>
        <translation>创建我的场馆</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your venue&apos;s name and time zone, and the owner account you will sign in with.</source>
        <translation>填写场馆名称和时区，以及您登录时使用的店主账号。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FreeSlotsModel</name>
    <message>
        <location filename="../../desktop/ui/booking/free_slot.py" line="-135"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>GridHeader</name>
    <message>
        <location filename="../../desktop/ui/calendar/header.py" line="+70"/>
        <source>%1/%2 seats at peak</source>
        <translation>高峰 %1/%2 座</translation>
    </message>
</context>
<context>
    <name>GridMouse</name>
    <message>
        <location filename="../../desktop/ui/calendar/mouse.py" line="+51"/>
        <source>%1 ppl</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Closed: %1</source>
        <translation>关闭：%1</translation>
    </message>
</context>
<context>
    <name>GridState</name>
    <message>
        <location filename="../../desktop/ui/calendar/state.py" line="+65"/>
        <source>%1 ppl</source>
        <translation>%1 人</translation>
    </message>
</context>
<context>
    <name>HoursGrid</name>
    <message>
        <location filename="../../desktop/ui/spaces/space_dialog.py" line="-54"/>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens</source>
        <translation>开门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes</source>
        <translation>关门</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy Monday to every day</source>
        <translation>将周一复制到每天</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/members/import_dialog.py" line="+150"/>
        <location line="+92"/>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>A CSV (UTF-8 or GBK) or Excel file with a header row in English or Chinese. Nothing is written until you press Import; then every row is written, or none.</source>
        <translation>CSV 文件（UTF-8 或 GBK）或 Excel 文件，表头可用中文或英文。按“导入”之前不会写入任何内容；导入时要么全部写入，要么都不写入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skip rows with problems and import the rest</source>
        <translation>跳过有问题的行，导入其余各行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members already in the directory (same phone):</source>
        <translation>名录中已有的会员（手机号相同）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>update them from the file</source>
        <translation>用文件内容更新</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+112"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 rows have problems (in red). Fix them in the file and choose it again, or skip them.</source>
        <translation>有 %1 行存在问题（红色标出）。请在文件中修正后重新选择，或跳过这些行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every row can be imported.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows read from %2 (%3): %4 new, %5 to update, %6 already in the directory (skipped), %7 with problems.</source>
        <translation>从 %2（%3）读取 %1 行：新会员 %4 人，更新 %5 人，名录中已有 %6 人（跳过），有问题 %7 行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns not used: %1.</source>
        <translation>未使用的列：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Imported: %1 new members, %2 updated; %3 already in the directory skipped; %4 rows with problems left out.</source>
        <translation>已导入：新会员 %1 人，更新 %2 人；名录中已有的 %3 人已跳过；%4 行有问题未导入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: %1 rows have problems. Tick &quot;Skip rows with problems&quot; to import the rest.</source>
        <translation>未导入任何内容：有 %1 行存在问题。勾选“跳过有问题的行”即可导入其余各行。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Some rows have problems: fix the file, or skip them.</source>
        <translation>部分行有问题：请修正文件，或跳过这些行。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location line="-282"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Becomes</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership</source>
        <translation>会籍</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems and warnings</source>
        <translation>问题和提醒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new member %1</source>
        <translation>新会员 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>updates %1</source>
        <translation>更新 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped: already %1</source>
        <translation>跳过：已是 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>problem at %1: %2</source>
        <translation>问题（%1）：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>warning at %1: %2</source>
        <translation>提醒（%1）：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning: %1</source>
        <translation>提醒：%1</translation>
    </message>
</context>
<context>
    <name>IntroductionDialog</name>
    <message>
        <location filename="../../desktop/ui/circle/intro_dialogs.py" line="+41"/>
        <source>Introduce</source>
        <translation>引荐</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About: %1</source>
        <translation>关于：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Introduced to</source>
        <translation>引荐给</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record introduction</source>
        <translation>记录引荐</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>name, pinyin, number or phone</source>
        <translation>姓名、拼音、会员号或电话</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the member from the list (Down, then Enter).</source>
        <translation>请从列表中选择会员（按下方向键，再按回车）。</translation>
    </message>
</context>
<context>
    <name>IntroductionsModel</name>
    <message>
        <location filename="../../desktop/ui/circle/models.py" line="+73"/>
        <source>Introduced</source>
        <translation>引荐日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Introduced to</source>
        <translation>引荐给</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Means</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../desktop/ui/circle/item_dialog.py" line="+69"/>
        <source>Edit offer</source>
        <translation>编辑供给</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit need</source>
        <translation>编辑需求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New offer</source>
        <translation>新建供给</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New need</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the member can provide: expertise, products, a venue, introductions.</source>
        <translation>会员能提供的：专业知识、产品、场地、人脉引荐。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the member is looking for, in their words.</source>
        <translation>会员在找什么，用他们自己的话写下来。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>name, pinyin, number or phone</source>
        <translation>姓名、拼音、会员号或电话</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comma-separated, e.g. tea, fishing</source>
        <translation>用逗号分隔，例如 茶艺, 钓鱼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the member from the list (Down, then Enter).</source>
        <translation>请从列表中选择会员（按下方向键，再按回车）。</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../desktop/ui/circle/models.py" line="-64"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opened</source>
        <translation>发布日期</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../desktop/app.py" line="+232"/>
        <location line="+30"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shared server saved in Settings → Database does not answer. You can try again, or set it aside and use the local file on this computer.</source>
        <translation>在“设置 → 数据库”中保存的共用服务器没有响应。您可以重试，或暂时不用它，改用这台电脑上的本机文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the local file</source>
        <translation>使用本机文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Automatic backup written to %1</source>
        <translation>自动备份已写入 %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/ui/lock.py" line="+126"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) is signed in. Enter the password to continue.</source>
        <translation>%1（%2）已登录。请输入密码继续。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in as someone else</source>
        <translation>换一个账号登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+145"/>
        <location line="+199"/>
        <source>Clubhouse</source>
        <translation>山庄圈子</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>DEMO · sample data</source>
        <translation>演示 DEMO · 示例数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ctrl+L locks the screen</source>
        <translation>Ctrl+L 锁定屏幕</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>&amp;Clubhouse</source>
        <translation>山庄圈子(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bookings</source>
        <translation>预订(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New booking…</source>
        <translation>新建预订…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signed in: %1 (%2)</source>
        <translation>当前登录：%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — Clubhouse</source>
        <translation>%1 — 山庄圈子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — DEMO</source>
        <translation>%1 — 演示 DEMO</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Booked: %1, %2</source>
        <translation>已预订：%1，%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup is restored. Sign in with an account of the restored data.</source>
        <translation>备份已恢复。请使用恢复后数据中的账号登录。</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <location filename="../../desktop/ui/circle/models.py" line="+44"/>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
</context>
<context>
    <name>MemberCircleSection</name>
    <message>
        <location filename="../../desktop/ui/circle/member_section.py" line="+43"/>
        <source>Offers and needs</source>
        <translation>供给与需求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add offer</source>
        <translation>添加供给</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add need</source>
        <translation>添加需求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Introductions</source>
        <translation>引荐记录</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No offers or needs yet.</source>
        <translation>还没有供给或需求。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>with %1</source>
        <translation>与 %1</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <location filename="../../desktop/ui/members/detail.py" line="+74"/>
        <source>Select a member to see their details.</source>
        <translation>选择一位会员以查看详细信息。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Membership</source>
        <translation>会籍</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referrals</source>
        <translation>推荐关系</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This member was erased on request: only the history and counts remain.</source>
        <translation>该会员已应本人要求抹除：只保留历史和统计。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archived: hidden from the directory until reactivated.</source>
        <translation>已归档：重新启用之前不在名录中显示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suspended from %1 until %2.</source>
        <translation>自 %1 起暂停至 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suspended from %1 until lifted.</source>
        <translation>自 %1 起暂停，直至解除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No membership recorded yet.</source>
        <translation>尚未记录会籍。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 days without membership</source>
        <translation>中断 %1 天</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brought in %1 members</source>
        <translation>推荐入会 %1 人</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../desktop/ui/members/member_dialog.py" line="+41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>comma-separated, e.g. 茶艺, 钓鱼</source>
        <translation>用逗号分隔，例如 茶艺，钓鱼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>type a name, pinyin or number</source>
        <translation>输入姓名、拼音或会员号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Joined on</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record a membership now</source>
        <translation>同时登记会籍</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add member</source>
        <translation>添加会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+140"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit member %1 (%2)</source>
        <translation>编辑会员 %1（%2）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose the referring member from the list, or clear the field.</source>
        <translation>请从列表中选择推荐人，或清空此栏。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a plan.</source>
        <translation>请选择会籍方案。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 (%2) is reactivated with their history. Check the details and save.</source>
        <translation>%1（%2）已重新启用，历史记录保留。请核对信息后保存。</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <location filename="../../desktop/ui/members/table_model.py" line="+133"/>
        <source>No.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 · archived</source>
        <translation>%1 · 已归档</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <location filename="../../desktop/ui/members/view.py" line="+83"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find anyone by name, pinyin or its initials, member number, phone digits, company or tag.</source>
        <translation>按姓名、拼音或拼音首字母、会员号、手机号中的数字、公司或标签查找任何人。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record membership</source>
        <translation>登记会籍</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+304"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location line="-302"/>
        <location line="+305"/>
        <source>Suspend…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Directory of the members shown…</source>
        <translation>当前会员的名录…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cards for the selected members…</source>
        <translation>选中会员的会员卡…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cards for all members shown…</source>
        <translation>当前所有会员的会员卡…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import members…</source>
        <translation>导入会员…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export members…</source>
        <translation>导出会员…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Membership plans…</source>
        <translation>会籍方案…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export this member&apos;s data…</source>
        <translation>导出该会员的数据…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase this member…</source>
        <translation>抹除该会员…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name, pinyin (zs), number, phone, company or tag  (Ctrl+F)</source>
        <translation>姓名、拼音（zs）、会员号、手机、公司或标签  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All plans</source>
        <translation>全部方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>1 member</source>
        <translation>1 位会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 members</source>
        <translation>%1 位会员</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This column cannot be sorted; the order stays.</source>
        <translation>此列不能排序；顺序保持不变。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift suspension</source>
        <translation>解除暂停</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 is saved as member %2.</source>
        <translation>%1 已保存，会员号 %2。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The membership is recorded.</source>
        <translation>会籍已登记。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is reactivated.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is archived; tick &quot;Show archived&quot; to find them again.</source>
        <translation>%1 已归档；勾选“显示已归档”可再次找到。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The suspension of %1 is lifted.</source>
        <translation>%1 的暂停已解除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is suspended.</source>
        <translation>%1 已暂停。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The payment is corrected.</source>
        <translation>付款已更正。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The payment is voided.</source>
        <translation>付款已作废。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx);;CSV, UTF-8 for Excel (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV，适用于 Excel 的 UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 members exported to %2.</source>
        <translation>已将 %1 位会员导出到 %2。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Member directory</source>
        <translation>会员名录</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export %1&apos;s data</source>
        <translation>导出 %1 的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json);;PDF (*.pdf)</source>
        <translation>JSON (*.json);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Everything held about %1 is in %2.</source>
        <translation>关于 %1 的全部数据已保存在 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is erased; the history stays without the person.</source>
        <translation>%1 已抹除；历史记录保留，但不再关联到这个人。</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <location filename="../../desktop/ui/members/membership_dialog.py" line="+130"/>
        <source>Record membership</source>
        <translation>登记会籍</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now %1</source>
        <translation>当前%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid until %1</source>
        <translation>已付至 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no plan to choose yet: the owner creates plans from the Members view.</source>
        <translation>还没有可选的会籍方案：店主可在会员页面创建方案。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This membership will run from %1 to %2.</source>
        <translation>本次会籍有效期为 %1 至 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It continues from the current end date.</source>
        <translation>从当前到期日之后接续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It starts afresh; the %1 days since the last membership ended stay visible in the history.</source>
        <translation>重新开始计算；上次会籍结束后中断的 %1 天会保留在历史记录中。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a plan.</source>
        <translation>请选择会籍方案。</translation>
    </message>
</context>
<context>
    <name>MembershipPage</name>
    <message>
        <location filename="../../desktop/ui/review/people.py" line="-158"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring in 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring in 60 days</source>
        <translation>60 天内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsed in the last 90 days</source>
        <translation>近 90 天失效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renewal rate</source>
        <translation>续费率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Of the memberships that ended from %1 to %2: renewed against renewed and lost (those still in their grace days are not decided yet).</source>
        <translation>%1 至 %2 期间到期的会籍中：已续费占已续费与未续费之和的比例（仍在宽限期内的尚未计入）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memberships that ended</source>
        <translation>已到期的会籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewed</source>
        <translation>已续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not renewed</source>
        <translation>未续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still deciding (grace)</source>
        <translation>宽限期内待定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net growth, 12 months</source>
        <translation>12 个月净增长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined minus lapsed over the twelve months of the chart.</source>
        <translation>图表中 12 个月的加入人数减去失效人数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Came through a referral</source>
        <translation>经推荐加入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referrals who paid</source>
        <translation>推荐会员付费率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 referred members paid for a membership.</source>
        <translation>%2 位被推荐会员中有 %1 位付费购买了会籍。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referrals who renewed</source>
        <translation>推荐会员续费率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members by status</source>
        <translation>会员状态分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members by plan</source>
        <translation>会员方案分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New members per month</source>
        <translation>每月新会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Joined</source>
        <translation>加入</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Tag mix</source>
        <translation>标签分布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call list: memberships ending soon</source>
        <translation>回访名单：即将到期的会籍</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lapsed</source>
        <translation>失效</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Joined and lapsed per month</source>
        <translation>每月加入与失效</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Brought in</source>
        <translation>推荐人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>已付费</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Top referrers</source>
        <translation>推荐最多的会员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Within 30 days</source>
        <translation>30 天内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Within 60 days</source>
        <translation>60 天内</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No membership ends in the next 60 days.</source>
        <translation>未来 60 天内没有会籍到期。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 to call</source>
        <translation>%1 人待回访</translation>
    </message>
</context>
<context>
    <name>MoneyPage</name>
    <message>
        <location filename="../../desktop/ui/review/circle_money.py" line="+8"/>
        <location line="+23"/>
        <source>Membership payments</source>
        <translation>会费收入</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+20"/>
        <source>Event fees</source>
        <translation>活动费用</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+3"/>
        <source>Event fees owed</source>
        <translation>未付活动费</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Amount owed</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event fees still owed</source>
        <translation>尚未支付的活动费</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No event fee is owed.</source>
        <translation>没有未付的活动费。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Money in per month</source>
        <translation>每月收入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Payments: %1</source>
        <translation>付款：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membership payments by plan</source>
        <translation>各方案会费收入</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../desktop/ui/review/month_dialog.py" line="+20"/>
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The month&apos;s numbers, charts and lists as a PDF of a few pages, to read, print or keep.</source>
        <translation>把这个月的数字、图表和名单做成几页 PDF，可阅读、打印或存档。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the report</source>
        <translation>生成报告</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop/ui/circle/intro_dialogs.py" line="+24"/>
        <source>Record outcome</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 and %2, introduced on %3</source>
        <translation>%1 与 %2，引荐于 %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional, e.g. 800</source>
        <translation>选填，例如 800</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value (¥)</source>
        <translation>价值（¥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>OutstandingModel</name>
    <message>
        <location filename="../../desktop/ui/review/models.py" line="+12"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Came</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PartnerDetailPanel</name>
    <message>
        <location filename="../../desktop/ui/partners/detail.py" line="+94"/>
        <source>Choose a partner to see its details.</source>
        <translation>选择一个合作伙伴查看详情。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>合作协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Benefit uses</source>
        <translation>权益使用记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Events sponsored or co-hosted</source>
        <translation>赞助或联合主办的活动</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>from %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>once, on %1</source>
        <translation>1 次，%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 times by one member, last on %2</source>
        <translation>1 位会员共 %1 次，最近 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 times by %2 members, last on %3</source>
        <translation>%2 位会员共 %1 次，最近 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../../desktop/ui/partners/partner_dialog.py" line="+72"/>
        <source>New partner</source>
        <translation>新建合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit partner</source>
        <translation>编辑合作伙伴</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What members get, e.g. 10% off tea</source>
        <translation>会员可享的优惠，例如茶饮九折</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefit</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement starts</source>
        <translation>协议开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement ends</source>
        <translation>协议到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. gold sponsor</source>
        <translation>例如：金牌赞助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active partner</source>
        <translation>有效合作伙伴</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PartnerEventsModel</name>
    <message>
        <location filename="../../desktop/ui/partners/models.py" line="+10"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (cancelled)</source>
        <translation>%1（已取消）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click to open the event</source>
        <translation>双击打开该活动</translation>
    </message>
</context>
<context>
    <name>PartnersModel</name>
    <message>
        <location line="-170"/>
        <source>%1 · ended</source>
        <translation>%1 · 已到期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · ends today</source>
        <translation>%1 · 今天到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · ends in 1 day</source>
        <translation>%1 · 1 天后到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · ends in %2 days</source>
        <translation>%1 · %2 天后到期</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Benefit</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement ends</source>
        <translation>协议到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How many times members used the benefit</source>
        <translation>会员使用该权益的次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Members served: how many members used it</source>
        <translation>受惠会员：用过该权益的会员人数</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The day it was last used</source>
        <translation>最近一次使用的日期</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · inactive</source>
        <translation>%1 · 已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <location filename="../../desktop/ui/partners/view.py" line="+62"/>
        <source>Partners</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local businesses whose benefits members get: find one by name, pinyin, contact, city or phone, and log a member&apos;s use.</source>
        <translation>为会员提供权益的本地商家：按名称、拼音、联系人、城市或电话查找，并登记会员的使用。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>New partner</source>
        <translation>新建合作伙伴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit partner</source>
        <translation>编辑合作伙伴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log benefit use…</source>
        <translation>登记权益使用…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name, pinyin, contact, city or phone  (Ctrl+F)</source>
        <translation>名称、拼音、联系人、城市或电话  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Active partners</source>
        <translation>有效合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inactive partners</source>
        <translation>已停用的合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active and inactive</source>
        <translation>有效与已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement expiring</source>
        <translation>协议即将到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only agreements ending within 60 days</source>
        <translation>只显示 60 天内到期的协议</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>1 partner</source>
        <translation>1 个合作伙伴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 partners</source>
        <translation>%1 个合作伙伴</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 is saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1&apos;s use of %2 is logged.</source>
        <translation>已登记%1使用%2的权益。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/members/membership_dialog.py" line="+18"/>
        <source>Edit payment</source>
        <translation>修改付款</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The change is kept in the audit log with the values before and after.</source>
        <translation>此修改会连同修改前后的值记入审计日志。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PaymentFields</name>
    <message>
        <location line="-162"/>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the plan&apos;s fee</source>
        <translation>方案价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../desktop/ui/pdf_preview.py" line="+249"/>
        <source>Preparing %1…</source>
        <translation>正在准备%1…</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location line="-138"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1.</source>
        <translation>已另存为 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <location filename="../../desktop/ui/members/plans_dialog.py" line="+61"/>
        <source>Membership plans</source>
        <translation>会籍方案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What members can join on. A plan no longer offered stays on the memberships that used it. ★ marks the default plan (for imports without a plan column).</source>
        <translation>会员可以选择的入会方案。停止提供的方案仍保留在用过它的会籍上。★ 表示默认方案（用于没有方案列的导入）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+81"/>
        <source>New plan</source>
        <translation>新方案</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fee (¥)</source>
        <translation>价格（¥）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Benefits</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered to new and renewing members</source>
        <translation>向新入会和续费会员提供</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default plan</source>
        <translation>默认方案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save plan</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The plan %1 is saved.</source>
        <translation>方案 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>PlansModel</name>
    <message>
        <location line="-159"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fee</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offered</source>
        <translation>提供中</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>QuickBookingDialog</name>
    <message>
        <location filename="../../desktop/ui/booking/quick.py" line="+99"/>
        <source>Quick booking</source>
        <translation>快速预订</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>name, pinyin, number or phone</source>
        <translation>姓名、拼音、会员号或手机号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: a guest the member brings</source>
        <translation>可选：会员带来的客人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Party size</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: tea tasting, reading club…</source>
        <translation>可选：品茶、读书会…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Override the time rules</source>
        <translation>越过时间规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book in the past, outside the hours, the grid, the durations, the buffer or the advance window; the reason is recorded with the booking.</source>
        <translation>可预订过去的时间，或不受开放时间、时段网格、时长、间隔和提前预订期限的限制；原因会随预订一起记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reason (recorded)</source>
        <translation>原因（将被记录）</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+291"/>
        <source>Free instead (Enter or double-click to use):</source>
        <translation>可改订以下空闲时间（回车或双击选用）：</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>Book</source>
        <translation>预订</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>at most %1 people</source>
        <translation>最多 %1 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 seats, shared with other parties</source>
        <translation>共 %1 个座位，与其他客人共用</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+41"/>
        <source>Add a space in Settings first.</source>
        <translation>请先在设置中添加场地。</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>（另有 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose the member from the list (Down, then Enter).</source>
        <translation>请从列表中选择会员（按下方向键，再按回车）。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Nothing free nearby that day or the next.</source>
        <translation>当天和次日附近都没有空闲时间。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Choose at least one weekday to repeat on.</source>
        <translation>请至少选择一个重复的星期几。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2 dates cannot be booked:</source>
        <translation>%2 个日期中有 %1 个无法预订：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skip these and book the other %1 dates</source>
        <translation>跳过这些，预订其余 %1 个日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No date of this series can be booked.</source>
        <translation>这个系列没有可以预订的日期。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop/ui/events/common.py" line="+64"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../desktop/ui/events/register_dialog.py" line="+44"/>
        <source>Register a guest</source>
        <translation>为客人报名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register a member</source>
        <translation>为会员报名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 places left.</source>
        <translation>还剩 %1 个名额。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The event is full: new registrations go on the waitlist.</source>
        <translation>活动已满：新的报名将进入候补名单。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Guest&apos;s name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest&apos;s phone</source>
        <translation>客人电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name, pinyin, number or phone</source>
        <translation>姓名、拼音、编号或电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host member</source>
        <translation>邀请会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Companions</source>
        <translation>同行人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid (%1 a person)</source>
        <translation>已付款（每人 %1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>Register</source>
        <translation>报名</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the member from the list (Down, then Enter).</source>
        <translation>请从列表中选择会员（按↓再按回车）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register anyway?</source>
        <translation>仍然报名吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register anyway</source>
        <translation>仍然报名</translation>
    </message>
</context>
<context>
    <name>RegistrationsModel</name>
    <message>
        <location filename="../../desktop/ui/events/models.py" line="+41"/>
        <source>Who</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Companions</source>
        <translation>同行人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (guest of %2)</source>
        <translation>%1（%2 的客人）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>paid</source>
        <translation>已付费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unpaid</source>
        <translation>未付</translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message>
        <location filename="../../desktop/ui/events/registrations_panel.py" line="+63"/>
        <source>Register member…</source>
        <translation>会员报名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register guest…</source>
        <translation>客人报名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel registration…</source>
        <translation>取消报名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+94"/>
        <source>Mark paid</source>
        <translation>标为已付</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Choose an event to see who is coming.</source>
        <translation>选择一个活动，查看报名的人。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · %2: %3 of %4 places taken</source>
        <translation>%1 · %2：已报名 %3 / %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 waiting</source>
        <translation>，%1 人候补</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mark unpaid</source>
        <translation>标为未付</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The event is full: %1 is on the waitlist.</source>
        <translation>活动已满：%1 已进入候补名单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is registered.</source>
        <translation>%1 已报名。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+3"/>
        <source>Cancel registration</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancel %1&apos;s registration? A freed place goes to the first on the waitlist.</source>
        <translation>取消 %1 的报名吗？空出的名额将给候补名单上的第一位。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s registration is cancelled.</source>
        <translation>%1 的报名已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 moved up from the waitlist</source>
        <translation>%1 已从候补转为正式报名</translation>
    </message>
</context>
<context>
    <name>RenewalsModel</name>
    <message>
        <location filename="../../desktop/ui/today/models.py" line="+15"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan</source>
        <translation>会籍方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comes at</source>
        <translation>到店</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 days ago)</source>
        <translation>%1（%2 天前）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (in %2 days)</source>
        <translation>%1（还有 %2 天）</translation>
    </message>
</context>
<context>
    <name>RepeatSection</name>
    <message>
        <location filename="../../desktop/ui/booking/repeat.py" line="+49"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly on the same date</source>
        <translation>每月同一日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly on the same weekday</source>
        <translation>每月同一星期几</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ends after</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>week(s)</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>month(s)</source>
        <translation>个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on day %1 of the month</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>on the last %1 of the month</source>
        <translation>每月最后一个%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1st</source>
        <translation>第一个</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2nd</source>
        <translation>第二个</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3rd</source>
        <translation>第三个</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>4th</source>
        <translation>第四个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on the %1 %2 of the month</source>
        <translation>每月%1%2</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/staff_tab.py" line="+143"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new password for %1 (%2). Their old password stops working.</source>
        <translation>为 %1（%2）设置新密码。原密码将失效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/backups_tab.py" line="-186"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore from %1</source>
        <translation>从 %1 恢复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything in the current database is replaced by the data in this backup, for every desk. A copy of the current data is kept in the backup folder first.</source>
        <translation>当前数据库中的全部数据将被此备份中的数据替换，所有前台都会受影响。替换前会先在备份文件夹中保存当前数据的副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in with an owner account of the backup (as it was when the backup was made):</source>
        <translation>请使用备份中的店主账号登录（以备份时的账号和密码为准）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace my data</source>
        <translation>替换我的数据</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../desktop/ui/review/parts.py" line="+82"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Show the list</source>
        <translation>查看名单</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../desktop/ui/review/view.py" line="+108"/>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whom to call about renewal, who is drifting away, which spaces and events work, what the circle produced. Click any number or bar for the list behind it.</source>
        <translation>该给谁打电话续费、谁渐渐不来了、哪些场地和活动受欢迎、圈子带来了什么。点击任何数字或柱条查看背后的名单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+69"/>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Membership</source>
        <translation>会籍</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engagement</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spaces</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Money</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Monthly report…</source>
        <translation>月度报告…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 to %2 (the last 90 days); statuses as of %3; trends over 12 months.</source>
        <translation>%1 至 %2（近 90 天）；状态按 %3 计算；趋势为 12 个月。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing happened in the last 90 days yet: the numbers fill in as members join, visit, book and come to events.</source>
        <translation>近 90 天还没有任何记录：会员加入、到访、预订和参加活动后，这些数字会逐渐出现。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Monthly report %1</source>
        <translation>月度报告 %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="+46"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../desktop/ui/rules_tab.py" line="+62"/>
        <source>Member status</source>
        <translation>会员状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings and events</source>
        <translation>预订与活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Used for the member&apos;s status everywhere (Members list, Today, booking and event rules) and the Review&apos;s status counts.</source>
        <translation>用于各处的会员状态（会员列表、今日、预订与活动规则）以及回顾中的状态统计。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used for the &quot;expiring soon&quot; status in the Members list and the Review; the Review&apos;s call lists are for 30 and 60 days.</source>
        <translation>用于会员列表和回顾中的“即将到期”状态；回顾的续费回访名单按 30 天和 60 天列出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members in grace may still book and register; after it they are lapsed. The Review&apos;s renewal rate counts a renewal within these days.</source>
        <translation>宽限期内的会员仍可预订和报名；过了宽限期即为已失效。回顾的续费率把这些天内的续费算作续费。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used by the calendar and Today to mark no-shows, and by the Review&apos;s no-show rate.</source>
        <translation>日历和今日页面据此标记爽约，回顾的爽约率也用它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used by door mode when checking people in.</source>
        <translation>门口签到模式签到时使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used by Review → Engagement (&quot;not seen&quot;).</source>
        <translation>用于回顾 → 活跃度（“久未露面”）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used by Review → Spaces: utilisation per week and the busy-hours map.</source>
        <translation>用于回顾 → 场地：每周利用率和繁忙时段热力图。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <location filename="../../desktop/ui/review/section.py" line="+190"/>
        <source>Click a bar for the list.</source>
        <translation>点击柱条查看名单。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../desktop/ui/settings_view.py" line="+28"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The venue, the rules the app counts by, its spaces, the staff accounts, the database and its backups.</source>
        <translation>场馆、应用计数所依据的规则、空间、员工账号、数据库及其备份。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spaces</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/ui/signin.py" line="+34"/>
        <source>Sign in — Clubhouse</source>
        <translation>登录 — 山庄圈子</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clubhouse</source>
        <translation>山庄圈子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to continue.</source>
        <translation>请登录后继续。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo accounts: owner / owner-demo and desk / desk-demo.</source>
        <translation>演示账号：owner / owner-demo 和 desk / desk-demo。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>SpaceDialog</name>
    <message>
        <location filename="../../desktop/ui/spaces/space_dialog.py" line="+64"/>
        <source>New space</source>
        <translation>新建场地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit space</source>
        <translation>编辑场地</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One party at a time (exclusive)</source>
        <translation>一次只接待一组（独占）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared seats: parties together up to the capacity</source>
        <translation>共享座位：各组合计不超过容量</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Booked as</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slot</source>
        <translation>时段长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest booking</source>
        <translation>最短预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest booking</source>
        <translation>最长预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free time kept between two bookings (exclusive spaces), e.g. to clear the tea room.</source>
        <translation>两次预约之间留出的空闲时间（独占场地），例如用于收拾茶室。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buffer between bookings</source>
        <translation>预约间隔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members may book ahead</source>
        <translation>会员可提前预约</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spaces are listed and shown in the calendar in this order.</source>
        <translation>场地在列表和日历中按此顺序显示。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order in lists</source>
        <translation>排列顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active: shown in the calendar and open for booking</source>
        <translation>启用：显示在日历中并可预约</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bookings must lie within these hours and on the slot grid, which starts at the opening time.</source>
        <translation>预约必须在开放时间内，并对齐从开门时间起算的时段。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create space</source>
        <translation>创建场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SpaceHours</name>
    <message>
        <location filename="../../desktop/ui/spaces/models.py" line="-68"/>
        <source>Closed every day</source>
        <translation>每天都不开放</translation>
    </message>
</context>
<context>
    <name>SpaceKinds</name>
    <message>
        <location filename="../../desktop/ui/booking/common.py" line="+30"/>
        <source>Tea room</source>
        <translation>茶室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fishing pond</source>
        <translation>钓台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>图书馆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orchard</source>
        <translation>果园</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board-game room</source>
        <translation>桌游室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dining</source>
        <translation>餐厅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>SpacesPage</name>
    <message>
        <location filename="../../desktop/ui/review/venue.py" line="-155"/>
        <source>Utilisation, all spaces</source>
        <translation>全部场地使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked hours over open hours between %1 and %2 (the setting Review → utilisation hours).</source>
        <translation>%1 至 %2 之间的预订小时数除以开放小时数（在设置中“回顾 → 使用率时段”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bookings</source>
        <translation>预订</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>No-shows</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No-show rate</source>
        <translation>爽约率</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Bookings: %1</source>
        <translation>预订：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation by space</source>
        <translation>各场地使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat-based spaces count seat-hours. Click a bar for the bookings.</source>
        <translation>按座位计的场地以座位小时计算。点击柱条查看预订。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bookings: %1, week of %2</source>
        <translation>预订：%1，%2 这一周</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utilisation by week</source>
        <translation>每周使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each column is a week (its Monday).</source>
        <translation>每一列是一周（标的是周一）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked hours in each hour of the week over the window.</source>
        <translation>这段时间内一周中每个小时的预订小时数。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No-shows: %1</source>
        <translation>爽约：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-shows by space</source>
        <translation>各场地爽约</translation>
    </message>
</context>
<context>
    <name>SpacesTab</name>
    <message>
        <location filename="../../desktop/ui/spaces_tab.py" line="+89"/>
        <source>Spaces</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New space…</source>
        <translation>新建场地…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+92"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Closures, current and coming</source>
        <translation>当前及今后的关闭时段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add closure…</source>
        <translation>添加关闭时段…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete closure…</source>
        <translation>删除关闭时段…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A space or the whole venue cannot be booked during a closure. Past closures are not listed.</source>
        <translation>关闭时段内，该场地（或整个场馆）不可预约。已过去的关闭时段不再列出。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is created.</source>
        <translation>%1 已创建。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is active again and open for booking.</source>
        <translation>%1 已重新启用，可以预约。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is inactive: no new bookings; its bookings stay.</source>
        <translation>%1 已停用：不再接受新预约，已有预约保留。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The closure is added.</source>
        <translation>关闭时段已添加。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The closure is added; the booking inside it is cancelled.</source>
        <translation>关闭时段已添加；其中的 1 个预约已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The closure is added; the booking inside it is kept.</source>
        <translation>关闭时段已添加；其中的 1 个预约已保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The closure is added; %1 bookings inside it are cancelled.</source>
        <translation>关闭时段已添加；其中的 %1 个预约已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The closure is added; %1 bookings inside it are kept.</source>
        <translation>关闭时段已添加；其中的 %1 个预约已保留。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the whole venue</source>
        <translation>整个场馆</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The closure is deleted.</source>
        <translation>关闭时段已删除。</translation>
    </message>
</context>
<context>
    <name>SpacesTableModel</name>
    <message>
        <location filename="../../desktop/ui/spaces/models.py" line="+23"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booked as</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>One party at a time</source>
        <translation>一次一组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared seats</source>
        <translation>共享座位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desktop/ui/staff_tab.py" line="-88"/>
        <source>New owner account</source>
        <translation>新建店主账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New front-desk account</source>
        <translation>新建前台账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the password to the person in private; they can change it under Account.</source>
        <translation>请私下把密码告诉本人；本人可在“账号”中修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location line="+69"/>
        <source>Add front-desk account…</source>
        <translation>添加前台账号…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add owner account…</source>
        <translation>添加店主账号…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>A disabled account cannot sign in; its entries in the audit log stay. The last active owner cannot be disabled.</source>
        <translation>停用的账号无法登录，其审计日志记录会保留。最后一个有效的店主账号不能停用。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The account is created.</source>
        <translation>账号已创建。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account is saved.</source>
        <translation>账号已保存。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The new password for %1 is set.</source>
        <translation>%1 的新密码已设置。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已无法登录。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location line="-267"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last signed in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>StartCombo</name>
    <message>
        <location filename="../../desktop/ui/booking/common.py" line="+118"/>
        <source>closed</source>
        <translation>不开放</translation>
    </message>
</context>
<context>
    <name>SuspendDialog</name>
    <message>
        <location filename="../../desktop/ui/members/action_dialogs.py" line="-80"/>
        <source>Suspend member</source>
        <translation>暂停会员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2) may not book or register while suspended; the membership dates do not change.</source>
        <translation>%1（%2）在暂停期间不能预订或报名；会籍日期不变。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until a date (otherwise until lifted)</source>
        <translation>到某一日期为止（否则直至解除）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>TodayBookingsModel</name>
    <message>
        <location filename="../../desktop/ui/today/models.py" line="-122"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Space</source>
        <translation>场地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Party</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arrived %1</source>
        <translation>%1 已到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
</context>
<context>
    <name>TodayEventsModel</name>
    <message>
        <location line="+36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 on the waitlist</source>
        <translation>候补 %1 人</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../desktop/ui/today/view.py" line="+134"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Door mode</source>
        <translation>门口签到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Member came in…</source>
        <translation>会员到访…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Find a member, booking or event: name, pinyin, number, phone, space, title  (Ctrl+F)</source>
        <translation>查找会员、预订或活动：姓名、拼音、会员号、电话、场地、标题  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Member came in…  Ctrl+I</source>
        <translation>会员到访…  Ctrl+I</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Bookings today</source>
        <translation>今日预订</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Arrived  Enter</source>
        <translation>已到  Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-show  Ctrl+Backspace</source>
        <translation>未到  Ctrl+Backspace</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Events today</source>
        <translation>今日活动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Door mode  Ctrl+D</source>
        <translation>门口签到  Ctrl+D</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected next</source>
        <translation>即将到来</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Membership ending: a chance to renew</source>
        <translation>会籍即将到期：可提醒续费</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter opens the chosen line; Escape goes back to today.</source>
        <translation>Enter 打开所选一行；Esc 返回今日。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>1 booking</source>
        <translation>1 个预订</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bookings</source>
        <translation>%1 个预订</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no events today</source>
        <translation>今日无活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 event today</source>
        <translation>今日 1 场活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 events today</source>
        <translation>今日 %1 场活动</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 arrived at %2 (%3).</source>
        <translation>%1 已到 %2（%3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is marked as a no-show (%2, %3).</source>
        <translation>%1 已标记为未到（%2，%3）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 came in at %2.</source>
        <translation>%1 于 %2 到访。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bookings</source>
        <translation>预订</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 registered</source>
        <translation>已报名 %1 人</translation>
    </message>
</context>
<context>
    <name>VenueTab</name>
    <message>
        <location filename="../../desktop/ui/venue_tab.py" line="+79"/>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A new language applies the next time Clubhouse starts.</source>
        <translation>更换的语言在山庄圈子下次启动时生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the venue&apos;s logo</source>
        <translation>选择场馆标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image is larger than 2 MB; choose a smaller one.</source>
        <translation>图片超过 2 MB，请选择较小的图片。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. The new language applies the next time Clubhouse starts.</source>
        <translation>已保存。新的语言在山庄圈子下次启动时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../desktop/ui/today/visit_dialog.py" line="+28"/>
        <source>Member came in</source>
        <translation>会员到访</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the member&apos;s card, or type a name, pinyin, number or phone and press Enter.</source>
        <translation>扫描会员卡，或输入姓名、拼音、会员号或电话后按 Enter。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional, e.g. tea with guests</source>
        <translation>选填，例如：与客人喝茶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record the visit</source>
        <translation>记录到访</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No member matches this.</source>
        <translation>没有匹配的会员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the member who came in.</source>
        <translation>请选择到访的会员。</translation>
    </message>
</context>
<context>
    <name>VoidPaymentDialog</name>
    <message>
        <location filename="../../desktop/ui/members/membership_dialog.py" line="+157"/>
        <location line="+22"/>
        <source>Void payment</source>
        <translation>作废付款</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Void the payment %1? It stays in the history, marked as voided, with your reason.</source>
        <translation>作废付款 %1？它仍保留在历史记录中，标为已作废并附上原因。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void the membership period it paid for too</source>
        <translation>同时作废这笔付款对应的会籍期间</translation>
    </message>
</context>
<context>
    <name>Weekdays</name>
    <message>
        <location filename="../../desktop/ui/booking/common.py" line="-102"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WhenRow</name>
    <message>
        <location line="+126"/>
        <source>for</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
</TS>
