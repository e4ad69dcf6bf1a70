import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { getAuth } from 'firebase-admin/auth';

@Injectable()
export class SessionGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    request.user = await getAuth().verifyIdToken(token);
    return true;
  }
}
