export { routeAlert, type AlertRouting, type OpenAlert, type RoutableAlert } from './route-alert';
