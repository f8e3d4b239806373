import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  LogoutOutlined,
  MenuOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  RadarChartOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TranslationOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { MenuProps } from 'antd';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { orgKindKey, roleKey } from '../shared/labels';
import { NotificationBell } from '../shared/notification-bell';
import { evaluatorOnly, hasPermission, ownProfileOnly, primaryGrant, useMe } from '../shared/session';
import { menuKeys, selectedKey } from './menu-keys';

const { Header, Sider, Content } = Layout;

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: compact ? '0 24px' : '0 20px',
        color: '#fff',
        fontWeight: 600,
        fontSize: 18,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span
        aria-hidden
        style={{
          width: 30,
          height: 30,
          borderRadius: 6,
          background: '#1d5fbf',
          display: 'grid',
          placeItems: 'center',
          fontSize: 16,
          flex: 'none',
        }}
      >
        研
      </span>
      {compact ? null : <span>{t('app.fullName')}</span>}
    </div>
  );
}

export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const screens = Grid.useBreakpoint();
  const isDesktop = Boolean(screens.lg);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const grant = primaryGrant(me);

  const ownProfile = ownProfileOnly(me);
  const menuItems: MenuProps['items'] = [
    // an expert's 工作台 is its 评审任务 (below): no item that would only lead there
    ...(evaluatorOnly(me)
      ? []
      : [
          ownProfile
            ? { key: `/teachers/${ownProfile}`, icon: <DashboardOutlined />, label: t('nav.myProfile') }
            : { key: '/', icon: <DashboardOutlined />, label: t('nav.home') },
        ]),
    ...(hasPermission(me, 'org.read')
      ? [
          { key: '/orgs', icon: <ApartmentOutlined />, label: t('nav.orgs') },
          { key: '/schools', icon: <BankOutlined />, label: t('nav.schools') },
        ]
      : []),
    ...(hasPermission(me, 'teacher.read')
      ? [{ key: '/teachers', icon: <TeamOutlined />, label: t('nav.teachers') }]
      : []),
    ...(hasPermission(me, 'import.teachers') || hasPermission(me, 'import.schools')
      ? [{ key: '/imports', icon: <CloudUploadOutlined />, label: t('nav.imports') }]
      : []),
    ...(hasPermission(me, 'hours.import')
      ? [{ key: '/hours-imports', icon: <CloudUploadOutlined />, label: t('nav.hoursImports') }]
      : []),
    ...(hasPermission(me, 'hours.platforms')
      ? [{ key: '/xapi-platforms', icon: <ApiOutlined />, label: t('nav.xapiPlatforms') }]
      : []),
    // 学时达标: the 学时 of the teachers of the scope against the cycle and the school year
    ...(hasPermission(me, 'hours.read')
      ? [{ key: '/hours/compliance', icon: <FundOutlined />, label: t('nav.hoursCompliance') }]
      : []),
    // 校本研修 (school-based research): the school's year, the 进修学校's review and spot checks
    ...(hasPermission(me, 'school_research.read')
      ? [{ key: '/school-research', icon: <ReadOutlined />, label: t('nav.schoolResearch') }]
      : []),
    // 帮扶结对 (pairings): the county's pairings, a school's own
    ...(hasPermission(me, 'pairing.read')
      ? [{ key: '/pairings', icon: <ApartmentOutlined />, label: t('nav.pairings') }]
      : []),
    // 五育评价 (CD-24, CD-25): officers' frameworks and rounds, a school's own results
    ...(hasPermission(me, 'five_edu.read')
      ? [{ key: '/five-education', icon: <RadarChartOutlined />, label: t('nav.fiveEducation') }]
      : []),
    // ── training: programmes, packs, plans, classes, integrity ──
    ...(() => {
      const training = [
        // 培训总览 first, for the officer who wants the year at a glance
        ...(hasPermission(me, 'program.read')
          ? [{ key: '/training-overview', icon: <BarChartOutlined />, label: t('nav.trainingOverview') }]
          : []),
        ...(hasPermission(me, 'program.read')
          ? [{ key: '/programmes', icon: <ReadOutlined />, label: t('nav.programmes') }]
          : []),
        ...(hasPermission(me, 'pack.read')
          ? [{ key: '/packs', icon: <ProfileOutlined />, label: t('nav.packs') }]
          : []),
        ...(hasPermission(me, 'plan.submit') || hasPermission(me, 'plan.review')
          ? [{ key: '/plans', icon: <FileDoneOutlined />, label: t('nav.plans') }]
          : []),
        // ---- shortlist (R-004-59) ----
        ...(hasPermission(me, 'shortlist.select') || hasPermission(me, 'shortlist.review')
          ? [{ key: '/shortlists', icon: <OrderedListOutlined />, label: t('nav.shortlists') }]
          : []),
        ...(hasPermission(me, 'class.read')
          ? [{ key: '/classes', icon: <ScheduleOutlined />, label: t('nav.classes') }]
          : []),
        ...(hasPermission(me, 'integrity.manage')
          ? [{ key: '/integrity', icon: <SafetyCertificateOutlined />, label: t('nav.integrity') }]
          : []),
        // 学时申报 review: the school (step 1), the county and above (step 2)
        ...(hasPermission(me, 'hours.claim.review') || hasPermission(me, 'hours.claim.approve')
          ? [{ key: '/hour-claims', icon: <FileDoneOutlined />, label: t('nav.hourClaimReview') }]
          : []),
        // 培训者团队 (the trainer pool, R3-P*)
        ...(hasPermission(me, 'trainer.read')
          ? [{ key: '/trainers', icon: <SolutionOutlined />, label: t('nav.trainers') }]
          : []),
      ];
      return training.length > 0
        ? [{ type: 'group' as const, key: 'training', label: t('nav.programGroup'), children: training }]
        : [];
    })(),
    // studios and workshops (工作室, 工作坊) and their monthly review (R3-G17)
    ...(hasPermission(me, 'community.read')
      ? [
          { key: '/communities', icon: <TeamOutlined />, label: t('nav.communities') },
          { key: '/communities/review', icon: <FundOutlined />, label: t('nav.communityReview') },
        ]
      : []),
    // evaluation (评价): campaigns and 评价量表 (the owner), 评审任务 (raters), the unit's own evaluations (subjects)
    ...(hasPermission(me, 'evaluation.read')
      ? [
          { key: '/evaluation/campaigns', icon: <AuditOutlined />, label: t('nav.evalCampaigns') },
          { key: '/evaluation/selections', icon: <TrophyOutlined />, label: t('nav.evalSelections') },
          { key: '/evaluation/rubrics', icon: <TableOutlined />, label: t('nav.evalRubrics') },
        ]
      : []),
    ...(hasPermission(me, 'evaluation.score')
      ? [{ key: '/evaluation/tasks', icon: <FileDoneOutlined />, label: t('nav.evalTasks') }]
      : []),
    ...(hasPermission(me, 'evaluation.evidence')
      ? [{ key: '/evaluation/mine', icon: <ProfileOutlined />, label: t('nav.evalMine') }]
      : []),
    // ── quality monitoring ──
    ...(hasPermission(me, 'exam.read')
      ? [{ key: '/monitoring', icon: <AuditOutlined />, label: t('nav.monitoring') }]
      : []),
    // parent access codes (school admins)
    ...(me?.grants.some((g) => g.orgKind === 'school') && hasPermission(me, 'exam.codes')
      ? [{ key: '/monitoring/access-codes', icon: <AuditOutlined />, label: t('codes.title') }]
      : []),
    ...(me?.teacherId ? [{ key: '/checkin', icon: <QrcodeOutlined />, label: t('nav.checkin') }] : []),
    // the teacher's growth archive (成长档案, R3-T09)
    ...(me?.teacherId ? [{ key: '/me/archive', icon: <ProfileOutlined />, label: t('nav.myArchive') }] : []),
    // a teacher's own integrity records and appeals
    ...(me?.teacherId
      ? [{ key: '/me/integrity', icon: <SafetyCertificateOutlined />, label: t('nav.myIntegrity') }]
      : []),
    // outcomes and completion
    ...(me?.teacherId
      ? [{ key: '/my-training', icon: <SafetyCertificateOutlined />, label: t('nav.myTraining') }]
      : []),
    // a teacher's own studios and workshops
    ...(me?.teacherId
      ? [{ key: '/me/communities', icon: <TeamOutlined />, label: t('nav.myCommunities') }]
      : []),
    // 学时申报 (the teacher's phone page)
    ...(me?.teacherId && hasPermission(me, 'hours.claim')
      ? [{ key: '/my-hour-claims', icon: <FileDoneOutlined />, label: t('nav.myHourClaims') }]
      : []),
    // 培训者申请 (the teacher's phone page)
    ...(me?.teacherId && hasPermission(me, 'trainer.apply')
      ? [{ key: '/me/trainer', icon: <SolutionOutlined />, label: t('nav.myTrainer') }]
      : []),
  ];

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(location.pathname, menuKeys(menuItems))]}
      items={menuItems}
      onClick={({ key }) => {
        if (key.startsWith('/')) navigate(key);
        setDrawerOpen(false);
      }}
    />
  );

  async function logout() {
    try {
      await api.logout();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  const roleText = grant ? t(roleKey(grant.role) ?? 'role.teacher') : '';
  const userMenu: MenuProps = {
    items: [
      {
        type: 'group',
        key: 'grants',
        // on a phone the header shows only the avatar: the name heads the menu instead
        label: screens.sm ? t('header.grants') : `${me?.displayName ?? ''} · ${t('header.grants')}`,
        children: (me?.grants ?? []).map((g) => {
          const kind = orgKindKey(g.orgKind);
          return {
            key: `${g.role}:${g.orgId}`,
            disabled: true,
            label: `${t(roleKey(g.role) ?? 'role.teacher')} · ${g.orgName}${kind ? `（${t(kind)}）` : ''}`,
          };
        }),
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') void logout();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand compact={collapsed} />
          {/* room below the last item, so that it scrolls clear of the collapse trigger fixed at the bottom */}
          <div style={{ paddingBottom: 56 }}>{menu}</div>
        </Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: isDesktop ? '0 24px' : '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          {isDesktop ? null : (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-open"
            />
          )}
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {isDesktop ? t('app.tagline') : t('app.fullName')}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Space size={isDesktop ? 'middle' : 'small'}>
            {/* every account's notifications: a teacher's records and appeals, an office's plans to review, a provider's decisions */}
            {me ? <NotificationBell compact={!isDesktop} /> : null}
            <Button
              type="text"
              icon={<TranslationOutlined />}
              onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
              data-testid="lang-switch"
            >
              {isDesktop ? t('lang.switch') : null}
            </Button>
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" data-testid="user-menu" style={{ height: 48 }}>
                <Space size={8}>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5fbf' }} />
                  <span
                    style={{
                      display: 'inline-flex',
                      flexDirection: 'column',
                      lineHeight: 1.3,
                      textAlign: 'left',
                    }}
                  >
                    {/* on a phone the avatar alone: the bell, the language and the menu must fit in 390 px */}
                    {screens.sm ? <span data-testid="user-name">{me?.displayName}</span> : null}
                    {grant && screens.md ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-grant">
                        {roleText} · {grant.orgName}
                      </Typography.Text>
                    ) : null}
                  </span>
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
          <Suspense>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
