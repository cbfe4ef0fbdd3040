import { startEarlyHandshake } from '@/lib/sidebar/early-handshake';

// Loaded by sidebar.html before the app's module scripts: asks for the frame's key at once.
export default defineUnlistedScript(() => startEarlyHandshake(window));
