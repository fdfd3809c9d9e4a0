import type { CalendarChangeResponse, CalendarDayInput, CalendarView } from "../../../../shared/api/calendar";
import { api } from "../../api";

const BASE = "/api/console/calendar";

export const loadCalendar = () => api<CalendarView>("GET", BASE);

export const addDay = (day: CalendarDayInput) => api<CalendarChangeResponse>("POST", `${BASE}/days`, day);

export const changeDay = ({ date, ...day }: CalendarDayInput) =>
  api<CalendarChangeResponse>("PUT", `${BASE}/days/${date}`, day);

export const removeDay = (date: string) => api<CalendarChangeResponse>("DELETE", `${BASE}/days/${date}`);

export const setJointLeave = (jointLeaveIsWorkingDay: boolean) =>
  api<CalendarChangeResponse>("PUT", `${BASE}/settings`, { jointLeaveIsWorkingDay });

export const setComplaintResponseDays = (complaintResponseDays: number) =>
  api<CalendarChangeResponse>("PUT", `${BASE}/settings`, { complaintResponseDays });
