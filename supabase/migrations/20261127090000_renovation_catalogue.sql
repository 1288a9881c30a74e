-- The renovation content catalogue of DOMAIN.md §4 (改造内容) as data, not code: each item
-- with its class (基础类 basic / 完善类 improvement / 提升类 upgrade), the part of the
-- community it concerns, the unit its quantity is counted in, and whether it is a
-- community-service or property-service room (社区管理服务用房、物业服务用房), which the funding
-- rule lets subsidies pay for although such rooms are improvement items.

create table if not exists public.renovation_catalogue (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]*$'),   -- stable, what plans refer to
  ordinal smallint not null unique,                                -- the order of the source text
  item_class text not null check (item_class in ('basic', 'improvement', 'upgrade')),
  part text not null check (part in ('outside_buildings', 'building_common', 'in_home_elevator')),
  unit text not null check (length(btrim(unit)) between 1 and 10),
  is_service_room boolean not null default false,
  name_zh text not null check (length(btrim(name_zh)) between 1 and 60),
  name_en text not null check (length(btrim(name_en)) between 1 and 120),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- The items as the implementation plan lists them (section 三). A migration run again, or
-- after a planner has renamed an item, leaves existing rows alone.
insert into public.renovation_catalogue (code, ordinal, item_class, part, unit, is_service_room, name_zh, name_en) values
  ('illegal_structures', 10, 'basic', 'outside_buildings', 'm²', false, '拆除违法建设', 'Demolish illegal construction'),
  ('water_supply', 11, 'basic', 'outside_buildings', 'm', false, '供水管线和设施改造', 'Water supply lines and facilities'),
  ('heating', 12, 'basic', 'outside_buildings', 'm', false, '供热管线和设施改造', 'Heating lines and facilities'),
  ('gas', 13, 'basic', 'outside_buildings', 'm', false, '燃气管线和设施改造', 'Gas lines and facilities'),
  ('power', 14, 'basic', 'outside_buildings', 'm', false, '供电线路和设施改造', 'Power lines and facilities'),
  ('weak_current', 15, 'basic', 'outside_buildings', 'm', false, '弱电架空线入地及规范梳理', 'Weak-current overhead lines underground and tidied'),
  ('rain_sewage', 16, 'basic', 'outside_buildings', 'm', false, '雨污分流', 'Rain and sewage separation'),
  ('security', 17, 'basic', 'outside_buildings', '处', false, '完善安防设施', 'Security facilities'),
  ('fire_safety', 18, 'basic', 'outside_buildings', '处', false, '完善消防设施', 'Fire-fighting facilities'),
  ('sanitation', 19, 'basic', 'outside_buildings', '处', false, '配备环卫设施', 'Sanitation facilities'),
  ('fitness', 20, 'basic', 'outside_buildings', '处', false, '配备体育健身设施', 'Fitness facilities'),
  ('roads', 21, 'basic', 'outside_buildings', 'm²', false, '整修小区道路', 'Repair community roads'),
  ('parking', 22, 'basic', 'outside_buildings', '个', false, '规划停车位', 'Plan parking spaces'),
  ('circulation', 23, 'basic', 'outside_buildings', 'm', false, '完善车行、人行交通系统', 'Vehicle and pedestrian circulation'),
  ('lighting', 24, 'basic', 'outside_buildings', '个', false, '完善公共照明', 'Public lighting'),
  ('greening', 25, 'basic', 'outside_buildings', 'm²', false, '绿化补建', 'Greening'),
  ('sponge_city', 26, 'basic', 'outside_buildings', 'm²', false, '建设海绵城市设施', 'Sponge-city facilities'),
  ('bulletin_boards', 30, 'improvement', 'outside_buildings', '个', false, '规范宣传栏', 'Bulletin boards'),
  ('mailboxes_lockers', 31, 'improvement', 'outside_buildings', '个', false, '补建信包箱、快递柜', 'Mailboxes and parcel lockers'),
  ('bike_sheds', 32, 'improvement', 'outside_buildings', '处', false, '非机动车停车棚及充电设施', 'Non-motor-vehicle sheds with charging'),
  ('convenience_shops', 33, 'improvement', 'outside_buildings', '处', false, '便民市场、便利店', 'Convenience market and shops'),
  ('public_toilets', 34, 'improvement', 'outside_buildings', '处', false, '公共厕所', 'Public toilets'),
  ('party_building_room', 35, 'improvement', 'outside_buildings', 'm²', false, '党建用房', 'Party-building room'),
  ('community_service_room', 36, 'improvement', 'outside_buildings', 'm²', true, '社区管理服务用房', 'Community service room'),
  ('property_service_room', 37, 'improvement', 'outside_buildings', 'm²', true, '物业服务用房', 'Property-management room'),
  ('elderly_care', 40, 'upgrade', 'outside_buildings', 'm²', false, '养老服务设施', 'Elderly care'),
  ('childcare', 41, 'upgrade', 'outside_buildings', 'm²', false, '托育（抚幼）设施', 'Childcare'),
  ('health', 42, 'upgrade', 'outside_buildings', 'm²', false, '卫生服务设施', 'Health services'),
  ('culture_education', 43, 'upgrade', 'outside_buildings', 'm²', false, '文教设施', 'Culture and education'),
  ('domestic_services', 44, 'upgrade', 'outside_buildings', 'm²', false, '家政服务设施', 'Domestic services'),
  ('disability_rehab', 45, 'upgrade', 'outside_buildings', 'm²', false, '残疾人康复设施', 'Disability rehabilitation'),
  ('info_platform', 46, 'upgrade', 'outside_buildings', '套', false, '信息平台', 'Information platform'),
  ('security_doors', 50, 'basic', 'building_common', '个', false, '整修或安装单元防盗门', 'Unit security doors'),
  ('stairs_handrails', 51, 'basic', 'building_common', 'm', false, '修缮公共楼梯踏步和扶手', 'Stair steps and handrails'),
  ('common_windows', 52, 'basic', 'building_common', '个', false, '维修更新公共部位窗户', 'Common-area windows'),
  ('stair_lights', 53, 'basic', 'building_common', '个', false, '补齐楼道声控灯', 'Voice-activated stair lights'),
  ('downpipes', 54, 'basic', 'building_common', 'm', false, '更换落水管', 'Downpipes'),
  ('painting', 55, 'basic', 'building_common', 'm²', false, '粉刷楼梯间、外墙', 'Painting stairwells and facades'),
  ('roof_waterproofing', 56, 'basic', 'building_common', 'm²', false, '屋顶防水', 'Roof waterproofing'),
  ('wall_insulation', 57, 'basic', 'building_common', 'm²', false, '外墙保温', 'External wall insulation'),
  -- "Residents are encouraged to renovate their homes and retrofit elevators at the same
  -- time": not basic work, so never paid from subsidies (the provident fund pays for lifts).
  ('elevator_retrofit', 60, 'improvement', 'in_home_elevator', '部', false, '加装电梯', 'Elevator retrofit'),
  ('in_home', 61, 'upgrade', 'in_home_elevator', '户', false, '户内改造', 'In-home renovation')
on conflict (code) do nothing;

alter table public.renovation_catalogue enable row level security;
grant select on public.renovation_catalogue to anon, authenticated;
grant insert, update, delete on public.renovation_catalogue to authenticated;
grant all on public.renovation_catalogue to service_role;

drop policy if exists "Anyone can read the catalogue" on public.renovation_catalogue;
create policy "Anyone can read the catalogue" on public.renovation_catalogue
  for select to anon, authenticated using (true);
drop policy if exists "Planners can add catalogue items" on public.renovation_catalogue;
create policy "Planners can add catalogue items" on public.renovation_catalogue
  for insert to authenticated with check ((select private.is_planner()));
drop policy if exists "Planners can change catalogue items" on public.renovation_catalogue;
create policy "Planners can change catalogue items" on public.renovation_catalogue
  for update to authenticated
  using ((select private.is_planner())) with check ((select private.is_planner()));
drop policy if exists "Planners can remove catalogue items" on public.renovation_catalogue;
create policy "Planners can remove catalogue items" on public.renovation_catalogue
  for delete to authenticated using ((select private.is_planner()));

drop trigger if exists renovation_catalogue_next_version on public.renovation_catalogue;
create trigger renovation_catalogue_next_version before update on public.renovation_catalogue
  for each row execute function private.next_version();
drop trigger if exists renovation_catalogue_record_change on public.renovation_catalogue;
create trigger renovation_catalogue_record_change after insert or update or delete on public.renovation_catalogue
  for each row execute function private.record_change('none');
