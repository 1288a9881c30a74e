-- The before → after summary of each community's parking and facilities (issue 8), and the
-- district's by batch year. What counts:
--   before   the facilities recorded as existing: what the community had before renovation
--   after    existing, built and planned together: what it has once its plan is carried out
--            (the demo and the forms record no removals, so nothing existing is subtracted)
--   parking_spaces      capacity of kind 'parking'
--   chargers            EV charging points: the piles of kind 'ev_charger' plus the
--                       charger-equipped spaces of parking lots
--   sheds, shed_charging_ports  how many non-motor sheds, and their charging spaces
--   service_room_m2     floor area of the kinds marked is_service_room (party building,
--                       community, property, elderly care, childcare, health, culture)
--   greening_m2         not a facility: greening has no place of its own in the data, so
--                       it comes from the plan's 'greening' items — added as planned, and
--                       done so far (quantity × percent complete); the green the
--                       community had before is not recorded, hence no "before"
-- Views as their caller (security_invoker): the public sums the rows of published
-- communities, an editor their own too, the bureau all — the same rows the map shows them.

create or replace view public.facility_summary with (security_invoker = true) as
select c.id as community_id,
       c.batch_year,
       coalesce(f.parking_before, 0) as parking_spaces_before,
       coalesce(f.parking_after, 0) as parking_spaces_after,
       coalesce(f.chargers_before, 0) as chargers_before,
       coalesce(f.chargers_after, 0) as chargers_after,
       coalesce(f.sheds_before, 0) as sheds_before,
       coalesce(f.sheds_after, 0) as sheds_after,
       coalesce(f.shed_ports_before, 0) as shed_charging_ports_before,
       coalesce(f.shed_ports_after, 0) as shed_charging_ports_after,
       coalesce(f.rooms_before, 0) as service_room_m2_before,
       coalesce(f.rooms_after, 0) as service_room_m2_after,
       coalesce(g.planned, 0) as greening_m2_planned,
       coalesce(g.done, 0) as greening_m2_done
from public.communities c
left join lateral (
  select sum(x.capacity) filter (where x.kind = 'parking' and x.state = 'existing')::numeric as parking_before,
         sum(x.capacity) filter (where x.kind = 'parking')::numeric as parking_after,
         sum(x.charging) filter (where x.state = 'existing')::numeric as chargers_before,
         sum(x.charging)::numeric as chargers_after,
         (count(*) filter (where x.kind = 'bike_shed' and x.state = 'existing'))::integer as sheds_before,
         (count(*) filter (where x.kind = 'bike_shed'))::integer as sheds_after,
         (sum(x.chargers) filter (where x.kind = 'bike_shed' and x.state = 'existing'))::integer as shed_ports_before,
         (sum(x.chargers) filter (where x.kind = 'bike_shed'))::integer as shed_ports_after,
         sum(x.capacity) filter (where k.is_service_room and x.state = 'existing')::numeric as rooms_before,
         sum(x.capacity) filter (where k.is_service_room)::numeric as rooms_after
  from (select f.*, case f.kind when 'ev_charger' then f.capacity when 'parking' then coalesce(f.chargers, 0) end as charging
        from public.facilities f where f.community_id = c.id) x
  join public.facility_kinds k on k.code = x.kind
) f on true
left join lateral (
  select sum(i.quantity)::numeric as planned,
         round(sum(i.quantity * i.percent_complete / 100.0), 2)::numeric as done
  from public.plan_items i
  where i.community_id = c.id and i.catalogue_code = 'greening'
) g on true;

-- The district by batch year (批次): the communities' summaries added up.
create or replace view public.facility_district_summary with (security_invoker = true) as
select s.batch_year,
       count(*)::integer as communities,
       sum(s.parking_spaces_before)::numeric as parking_spaces_before,
       sum(s.parking_spaces_after)::numeric as parking_spaces_after,
       sum(s.chargers_before)::numeric as chargers_before,
       sum(s.chargers_after)::numeric as chargers_after,
       sum(s.sheds_before)::integer as sheds_before,
       sum(s.sheds_after)::integer as sheds_after,
       sum(s.shed_charging_ports_before)::integer as shed_charging_ports_before,
       sum(s.shed_charging_ports_after)::integer as shed_charging_ports_after,
       sum(s.service_room_m2_before)::numeric as service_room_m2_before,
       sum(s.service_room_m2_after)::numeric as service_room_m2_after,
       sum(s.greening_m2_planned)::numeric as greening_m2_planned,
       sum(s.greening_m2_done)::numeric as greening_m2_done
from public.facility_summary s
where s.batch_year is not null
group by s.batch_year;

revoke all on public.facility_summary, public.facility_district_summary from public, anon, authenticated;
grant select on public.facility_summary, public.facility_district_summary to anon, authenticated, service_role;
